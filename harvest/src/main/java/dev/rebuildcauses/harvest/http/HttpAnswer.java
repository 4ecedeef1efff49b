package dev.rebuildcauses.harvest.http;

/**
 * A whole HTTP answer, body read: what a client inspects before it becomes JSON or a failure.
 *
 * @param url the request URL with secrets redacted, for messages
 * @param status the HTTP status
 * @param reason the status text, e.g. {@code Forbidden}
 * @param contentType the {@code Content-Type}, or {@code ""}
 * @param body the body as UTF-8 text
 * @param attempts how many attempts it took
 */
public record HttpAnswer(String url, int status, String reason, String contentType, String body, int attempts) {
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "HttpAnswer[" + status + " " + reason + " from " + url + ", " + body.length() + " chars]";
    }
}
