package no.biztek.support.httpapi.problem;

import jakarta.validation.Validator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.httpapi.HttpApiProperties;

/** Problem documents for every client error, and the request size limit. */
@AutoConfiguration
@EnableConfigurationProperties(HttpApiProperties.class)
@Import(ApiExceptionHandler.class)
public class ProblemHandlingConfiguration {

    /** Runs right after Spring Security, so an unauthenticated caller learns nothing about the body. */
    static final int SIZE_LIMIT_ORDER = 0;

    @Bean
    ProblemResponseWriter problemResponseWriter(JsonMapper jsonMapper) {
        return new ProblemResponseWriter(jsonMapper);
    }

    @Bean
    RequestValidator requestValidator(Validator validator) {
        return new RequestValidator(validator);
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(HttpApiProperties properties,
            ProblemResponseWriter writer) {
        var registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.maxRequestSize().toBytes(), writer));
        registration.setOrder(SIZE_LIMIT_ORDER);
        return registration;
    }
}
