package no.biztek.support.escalation.board;

/** Where the service is reached from outside (the acknowledgement links' base URL), for the kiosk links it issues. */
record BoardUrls(String baseUrl) {

    BoardUrls {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
