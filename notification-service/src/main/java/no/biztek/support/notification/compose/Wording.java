package no.biztek.support.notification.compose;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.escalation.VendorCaseStatus;

/** The words a template fills in, per language: vendor names, case statuses, times and durations. */
enum Wording {

    NB(DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("nb-NO")), "leverandøren",
            "time", "timer", "minutt", "minutter", " og "),
    EN(DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK), "the vendor",
            "hour", "hours", "minute", "minutes", " and ");

    private final DateTimeFormatter timeFormat;
    private final String unnamedVendor;
    private final String hour;
    private final String hours;
    private final String minute;
    private final String minutes;
    private final String and;

    Wording(DateTimeFormatter timeFormat, String unnamedVendor, String hour, String hours, String minute,
            String minutes, String and) {
        this.timeFormat = timeFormat;
        this.unnamedVendor = unnamedVendor;
        this.hour = hour;
        this.hours = hours;
        this.minute = minute;
        this.minutes = minutes;
        this.and = and;
    }

    static Wording of(CustomerLocale locale) {
        return locale == CustomerLocale.EN ? EN : NB;
    }

    String vendor(Vendor vendor) {
        return switch (vendor) {
            case MICROSOFT -> "Microsoft";
            case ZENDESK -> "Zendesk";
            case PRINTIX -> "Printix";
            case ONWORK -> "OnWork";
            case OTHER -> unnamedVendor;
        };
    }

    String status(VendorCaseStatus status) {
        if (status == null) {
            return null;
        }
        boolean nb = this == NB;
        return switch (status) {
            case REPORTED -> nb ? "Meldt til leverandøren" : "Reported to the vendor";
            case INVESTIGATING -> nb ? "Under undersøkelse" : "Investigating";
            case WAITING_FOR_CUSTOMER -> nb ? "Venter på svar fra dere" : "Waiting for your response";
            case FIX_IN_PROGRESS -> nb ? "Retting pågår" : "Fix in progress";
            case MONITORING -> nb ? "Rettet, følges med på" : "Fixed, being monitored";
            case OTHER -> nb ? "Oppdatert" : "Updated";
        };
    }

    String time(Instant instant, ZoneId zone) {
        if (instant == null) {
            return null;
        }
        String local = timeFormat.format(instant.atZone(zone));
        return this == NB ? local : local + " (" + zone.getId() + ")";
    }

    String duration(Duration duration) {
        long totalMinutes = Math.max(1, duration.toMinutes());
        long h = totalMinutes / 60;
        long m = totalMinutes % 60;
        String hourPart = h + " " + (h == 1 ? hour : hours);
        String minutePart = m + " " + (m == 1 ? minute : minutes);
        if (h == 0) {
            return minutePart;
        }
        return m == 0 ? hourPart : hourPart + and + minutePart;
    }
}
