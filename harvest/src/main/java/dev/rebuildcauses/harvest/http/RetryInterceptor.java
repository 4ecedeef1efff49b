package dev.rebuildcauses.harvest.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Retries GETs on 429, 5xx, timeouts and broken connections with exponential backoff and full
 * jitter, honouring {@code Retry-After}; reads each body whole (and unzips it) so slow and truncated
 * bodies are retried too.
 */
final class RetryInterceptor implements Interceptor {
    private final HttpSettings settings;
    private final Sleeper sleeper;
    private final Clock clock;

    RetryInterceptor(HttpSettings settings, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        boolean retryable = "GET".equals(request.method()) && request.tag(NoRetry.class) == null;
        int maxAttempts = retryable ? settings.maxAttempts() : 1;
        Attempts attempts = request.tag(Attempts.class);
        for (int attempt = 1; ; attempt++) {
            if (attempts != null) {
                attempts.count = attempt;
            }
            Response response;
            try {
                response = readWhole(chain.proceed(request));
            } catch (IOException e) {
                if (attempt >= maxAttempts || !isTransient(e)) {
                    throw e;
                }
                pause(backoff(attempt));
                continue;
            }
            if (attempt >= maxAttempts || !isRetryableStatus(response.code())) {
                return response;
            }
            Duration backoff = backoff(attempt);
            Duration delay = RetryAfter.parse(response.header("Retry-After"), clock.instant())
                    .map(this::capped)
                    .orElse(backoff);
            response.close();
            pause(delay);
        }
    }

    static boolean isRetryableStatus(int code) {
        return code == 429 || code >= 500;
    }

    private static boolean isTransient(IOException e) {
        if (e instanceof RequestBudget.BudgetSpentException
                || e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException
                || e instanceof SSLException) {
            return false;
        }
        // an interrupted or cancelled call must stop; a timeout is worth another try
        return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
    }

    private static Response readWhole(Response response) throws IOException {
        try (ResponseBody body = response.body()) {
            if (body == null) {
                return response;
            }
            byte[] bytes = body.bytes();
            Response.Builder whole = response.newBuilder();
            if ("gzip".equalsIgnoreCase(response.header("Content-Encoding"))) {
                // Hudson labels its plain-text error pages gzip too: trust the magic bytes, not the header
                if (bytes.length >= 2 && bytes[0] == (byte) 0x1f && bytes[1] == (byte) 0x8b) {
                    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                        bytes = in.readAllBytes();
                    }
                }
                whole.removeHeader("Content-Encoding").removeHeader("Content-Length");
            }
            return whole.body(ResponseBody.create(bytes, body.contentType())).build();
        }
    }

    /** Full jitter: uniformly between zero and the doubled base delay, capped. */
    private Duration backoff(int attempt) {
        long base = Math.max(1, settings.baseDelay().toMillis());
        long cap = Math.min(settings.maxDelay().toMillis(), base << Math.min(attempt - 1, 30));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }

    private Duration capped(Duration delay) {
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private void pause(Duration delay) throws InterruptedIOException {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    /** Request tag: send once, whatever the answer (probes that read a 500 as information). */
    static final class NoRetry {}

    /** Request tag: how many attempts the call took, for messages. */
    static final class Attempts {
        int count;
    }
}
