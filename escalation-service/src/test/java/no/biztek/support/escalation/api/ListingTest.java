package no.biztek.support.escalation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.httpapi.problem.InvalidRequestException;

/** Pagination of the lists: limit, cursor, no item twice or missed, bad values refused. */
class ListingTest {

    private record Item(Instant at, String id) {
    }

    private static final Instant T = Instant.parse("2026-03-03T01:00:00Z");
    /** Latest first, then by id; two share a time. */
    private static final List<Item> ITEMS = List.of(new Item(T.plusSeconds(30), "d"), new Item(T.plusSeconds(20), "b"),
            new Item(T.plusSeconds(20), "c"), new Item(T.plusSeconds(10), "a"), new Item(T, "e"));

    private static Listing.Slice<Item> slice(List<Item> items, String limit, String cursor) {
        return Listing.slice(items, i -> new Listing.Position(i.at(), i.id()), Listing.Request.of(limit, cursor));
    }

    @Test
    void pagesThroughEveryItemOnceByFollowingTheCursor() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int answers = 0;
        do {
            Listing.Slice<Item> slice = slice(ITEMS, "2", cursor);
            slice.items().forEach(i -> seen.add(i.id()));
            cursor = slice.nextCursor();
            answers++;
        } while (cursor != null);

        assertThat(seen).containsExactly("d", "b", "c", "a", "e");
        assertThat(answers).isEqualTo(3);
    }

    @Test
    void theLastAnswerHasNoCursorAndTheDefaultLimitIsAHundred() {
        assertThat(slice(ITEMS, "5", null).nextCursor()).isNull();
        assertThat(slice(ITEMS, null, null).items()).hasSize(5);
        List<Item> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(new Item(T.minusSeconds(i), String.format("%03d", i)));
        }
        Listing.Slice<Item> first = slice(many, null, null);
        assertThat(first.items()).hasSize(Listing.DEFAULT_LIMIT);
        assertThat(first.nextCursor()).isNotNull();
    }

    @Test
    void itemsAddedMeanwhileDoNotShiftTheNextAnswer() {
        Listing.Slice<Item> first = slice(ITEMS, "2", null);
        List<Item> grown = new ArrayList<>();
        grown.add(new Item(T.plusSeconds(40), "new"));
        grown.addAll(ITEMS);

        assertThat(slice(grown, "2", first.nextCursor()).items()).extracting(Item::id).containsExactly("c", "a");
    }

    @Test
    void aBadLimitOrCursorIsA400NamingTheParameter() {
        for (String limit : List.of("0", "501", "-1", "ten", "1.5")) {
            assertThatThrownBy(() -> Listing.Request.of(limit, null)).as(limit)
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.getStatusCode().value()).isEqualTo(400))
                    .hasMessageContaining("limit");
        }
        assertThat(Listing.Request.of("500", null).limit()).isEqualTo(500);
        for (String cursor : List.of("garbage!", "bm90LWEtY3Vyc29y", Listing.encode(new Listing.Position(T, "x"))
                .substring(3))) {
            assertThatThrownBy(() -> Listing.Request.of(null, cursor)).as(cursor)
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("cursor");
        }
    }
}
