package no.biztek.support.escalation.api;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import no.biztek.support.httpapi.problem.InvalidRequestException;

/**
 * Pagination of the list endpoints (pages, vendor escalations): {@code limit} items per answer (default
 * {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) and an opaque {@code cursor}. Lists are sorted latest first,
 * then by id; a cursor names the last item of the previous answer (its time and id, base64url), and the next answer
 * starts right after it, so items added meanwhile never shift the pages (they are newer, so they come before the
 * cursor) and nothing is listed twice. {@code nextCursor} is null on the last answer. A limit that is not a whole
 * number from 1 to {@value #MAX_LIMIT}, or a cursor this API did not issue, is a 400 problem document naming the
 * parameter.
 */
public final class Listing {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    private static final String VERSION = "1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Listing() {
    }

    /** Where an item stands in a list: its time (latest first), then its id. */
    public record Position(Instant at, String id) {

        /** Whether this item comes after {@code other} in the list's order. */
        boolean after(Position other) {
            int byTime = at.compareTo(other.at);
            return byTime < 0 || (byTime == 0 && id.compareTo(other.id) > 0);
        }
    }

    /** What a request asks for: how many items, after which one (null: from the start). */
    public record Request(int limit, Position after) {

        /** Parses the query parameters; 400 naming the parameter when one is bad. */
        public static Request of(String limit, String cursor) {
            return new Request(Listing.limit(limit), cursor == null || cursor.isBlank() ? null : decode(cursor.trim()));
        }
    }

    /** One answer's items and the cursor of the next answer (null when there is none). */
    public record Slice<T>(List<T> items, String nextCursor) {
    }

    /**
     * The items after the request's cursor, at most its limit, from a list sorted latest first, then by id (the
     * order {@code position} describes).
     */
    public static <T> Slice<T> slice(List<T> sorted, Function<T, Position> position, Request request) {
        List<T> items = new ArrayList<>(Math.min(request.limit(), sorted.size()));
        boolean more = false;
        for (T item : sorted) {
            if (request.after() != null && !position.apply(item).after(request.after())) {
                continue;
            }
            if (items.size() == request.limit()) {
                more = true;
                break;
            }
            items.add(item);
        }
        String next = more ? encode(position.apply(items.get(items.size() - 1))) : null;
        return new Slice<>(List.copyOf(items), next);
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("limit", "must be a whole number from 1 to " + MAX_LIMIT + "; was '"
                + abbreviated(value) + "'");
    }

    static String encode(Position position) {
        return ENCODER.encodeToString((VERSION + "\n" + position.at() + "\n" + position.id())
                .getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length == 3 && VERSION.equals(parts[0]) && !parts[2].isEmpty()) {
                return new Position(Instant.parse(parts[1]), parts[2]);
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            // answered below
        }
        throw new InvalidRequestException("cursor", "is not a cursor this API issued: pass the nextCursor of the "
                + "previous answer unchanged, or leave it out to start from the beginning");
    }

    private static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
