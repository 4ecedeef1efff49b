package dev.rebuildcauses.harvest.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The HTTP side of one remote (a Jenkins controller, a Bitbucket server): GETs with retries, JSON
 * answers, and failures as one clear {@link HarvestException} line that names the URL and never a
 * secret. Thread-safe; share one per remote.
 */
public final class RemoteHttp {
    private static final ObjectMapper JSON = JsonMapper.builder()
            // Hudson repeats keys in one object; the last one wins
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String name;
    private final HttpSettings settings;
    private final Credentials credentials;
    private final MeteringInterceptor metering;
    private final OkHttpClient client;

    private RemoteHttp(String name, HttpSettings settings, Credentials credentials, Sleeper sleeper, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.metering = new MeteringInterceptor(
                new RequestBudget(settings.requestsPerHour(), settings.maxBudgetWait(), clock, sleeper));
        this.client = OkHttpClientFactory.create(settings, credentials, sleeper, clock, metering);
    }

    /**
     * The client of one remote.
     *
     * @param name what the remote is, for messages, e.g. {@code Jenkins} or {@code Bitbucket Cloud}
     */
    public static RemoteHttp create(String name, HttpSettings settings, Credentials credentials) {
        return new RemoteHttp(name, settings, credentials, Sleeper.SYSTEM, Clock.systemUTC());
    }

    /** The same with the waits and the clock replaced, for tests and the simulator. */
    public static RemoteHttp create(
            String name, HttpSettings settings, Credentials credentials, Sleeper sleeper, Clock clock) {
        return new RemoteHttp(name, settings, credentials, sleeper, clock);
    }

    /** GETs a URL and parses its JSON; any failure, non-2xx status or non-JSON body throws. */
    public JsonNode getJson(String url) throws HarvestException {
        return json(get(url));
    }

    /** GETs a URL as text (e.g. a job's {@code config.xml}); a non-2xx status or an HTML page throws. */
    public String getText(String url) throws HarvestException {
        HttpAnswer answer = execute(url, false, "*/*");
        requireSuccess(answer);
        if (answer.contentType().toLowerCase(Locale.ROOT).startsWith("text/html")) {
            throw htmlPage(answer, "the document");
        }
        return answer.body();
    }

    /**
     * GETs a URL with retries and returns whatever status came last; throws only when no answer came
     * (unreachable, timeouts after every attempt, budget spent).
     */
    public HttpAnswer get(String url) throws HarvestException {
        return execute(url, false, "application/json");
    }

    /** GETs a URL once, without retries: for probes that read an error status as information. */
    public HttpAnswer getOnce(String url) throws HarvestException {
        return execute(url, true, "application/json");
    }

    /** The JSON of a successful answer; a failing status, an HTML page or malformed JSON throws. */
    public JsonNode json(HttpAnswer answer) throws HarvestException {
        requireSuccess(answer);
        String body = answer.body();
        String start = body.stripLeading();
        if (answer.contentType().toLowerCase(Locale.ROOT).startsWith("text/html") || start.startsWith("<")) {
            throw htmlPage(answer, "JSON");
        }
        if (start.isEmpty()) {
            throw new HarvestException(
                    FailureKind.BAD_RESPONSE, "empty answer from " + answer.url() + " where JSON was expected");
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new HarvestException(
                    FailureKind.BAD_RESPONSE,
                    credentials.scrub("malformed or truncated JSON from " + answer.url() + where + ": "
                            + firstLine(e.getOriginalMessage())));
        }
    }

    /** Throws the failure a non-2xx answer stands for. */
    public void requireSuccess(HttpAnswer answer) throws HarvestException {
        if (answer.isSuccessful()) {
            return;
        }
        int status = answer.status();
        String what = status + " " + answer.reason() + " from " + answer.url();
        if (status == 401 || status == 403) {
            throw new HarvestException(FailureKind.AUTH, what + ": check the user and token");
        }
        if (status == 404) {
            throw new HarvestException(FailureKind.NOT_FOUND, what + ": no such job, repository or commit");
        }
        if (RetryInterceptor.isRetryableStatus(status)) {
            throw new HarvestException(
                    FailureKind.SERVER_ERROR, what + ", still failing after " + attempts(answer.attempts()));
        }
        throw new HarvestException(FailureKind.BAD_RESPONSE, "unexpected " + what);
    }

    /** Requests sent so far, every retry counted. */
    public long requestCount() {
        return metering.requests();
    }

    public HttpSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "RemoteHttp[" + name + ", " + credentials + ", requests=" + requestCount() + "]";
    }

    private HttpAnswer execute(String url, boolean once, String accept) throws HarvestException {
        String shown = UrlRedactor.redact(url);
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new HarvestException(FailureKind.BAD_RESPONSE, "not an http(s) URL: " + shown);
        }
        RetryInterceptor.Attempts attempts = new RetryInterceptor.Attempts();
        Request.Builder request = new Request.Builder()
                .url(parsed)
                .header("Accept", accept)
                .header("User-Agent", "rebuild-causes")
                // asked for explicitly, so OkHttp leaves unzipping to RetryInterceptor, which copes
                // with Hudson's error pages that claim gzip and are plain text
                .header("Accept-Encoding", "gzip")
                .tag(RetryInterceptor.Attempts.class, attempts);
        if (once) {
            request.tag(RetryInterceptor.NoRetry.class, new RetryInterceptor.NoRetry());
        }
        try (Response response = client.newCall(request.build()).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : new String(body.bytes(), StandardCharsets.UTF_8);
            String type = response.header("Content-Type", "");
            return new HttpAnswer(shown, response.code(), reason(response), type, text, Math.max(1, attempts.count));
        } catch (IOException e) {
            throw transportFailure(shown, e, Math.max(1, attempts.count));
        }
    }

    private HarvestException transportFailure(String url, IOException e, int attempts) {
        if (e instanceof RequestBudget.BudgetSpentException) {
            return new HarvestException(
                    FailureKind.SERVER_ERROR, credentials.scrub(name + " " + e.getMessage() + " (at " + url + ")"), e);
        }
        String problem;
        if (e instanceof UnknownHostException) {
            problem = "unknown host";
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            problem = "cannot connect (is the URL right and the server up?)";
        } else if (e instanceof SocketTimeoutException) {
            problem = "timed out after " + attempts(attempts) + " (connect timeout "
                    + settings.connectTimeout().toSeconds() + " s, read timeout "
                    + settings.readTimeout().toMillis() / 1000.0 + " s)";
        } else if (e instanceof InterruptedIOException) {
            problem = "interrupted";
        } else {
            problem = "connection failed after " + attempts(attempts) + " (" + firstLine(e.getMessage()) + ")";
        }
        return new HarvestException(
                FailureKind.UNREACHABLE,
                credentials.scrub(name + " at " + UrlRedactor.readable(url) + ": " + problem),
                e);
    }

    private HarvestException htmlPage(HttpAnswer answer, String expected) {
        return new HarvestException(
                FailureKind.BAD_RESPONSE,
                answer.url() + ": got an HTML page (a login page?) where " + expected + " was expected");
    }

    private static String reason(Response response) {
        if (!response.message().isBlank()) {
            return response.message();
        }
        return switch (response.code()) {
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP";
        };
    }

    private static String attempts(int count) {
        return count == 1 ? "1 attempt" : count + " attempts";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
