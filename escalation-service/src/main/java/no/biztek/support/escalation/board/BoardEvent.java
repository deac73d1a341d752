package no.biztek.support.escalation.board;

/**
 * One Server-Sent Event of the board stream, its data already JSON.
 *
 * @param id   {@code <stream>-<seq>} for the snapshot and the deltas (what {@code Last-Event-ID} resumes from); null
 *             for heartbeats and the server's clock
 * @param name {@code snapshot}, {@code upsert}, {@code remove}, {@code now}, {@code revoked}; null for a comment
 */
record BoardEvent(String id, String name, String data) {

    static BoardEvent comment(String text) {
        return new BoardEvent(null, null, text);
    }

    boolean isComment() {
        return name == null;
    }
}
