package dev.rebuildcauses.simulator.server;

/** What a simulated server answers to one request: status, content type and body. */
record Answer(int status, String contentType, String body) {
    static Answer json(Object value) {
        return new Answer(200, "application/json;charset=utf-8", JsonWriter.write(value));
    }

    static Answer json(int status, Object value) {
        return new Answer(status, "application/json;charset=utf-8", JsonWriter.write(value));
    }

    static Answer text(int status, String body) {
        return new Answer(status, "text/plain;charset=utf-8", body);
    }

    static Answer html(int status, String body) {
        return new Answer(status, "text/html;charset=utf-8", body);
    }
}
