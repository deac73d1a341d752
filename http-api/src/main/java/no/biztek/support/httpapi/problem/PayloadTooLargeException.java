package no.biztek.support.httpapi.problem;

import java.io.IOException;

/** Raised while reading a request body that turns out larger than the service accepts. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }
}
