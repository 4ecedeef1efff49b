package dev.rebuildcauses.harvest.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import okhttp3.Interceptor;
import okhttp3.Response;

/** At most N calls in flight against one remote, retries and their pauses included. */
final class ConcurrencyLimitInterceptor implements Interceptor {
    private final Semaphore permits;

    ConcurrencyLimitInterceptor(int maxConcurrent) {
        this.permits = new Semaphore(maxConcurrent, true);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a free connection slot");
        }
        try {
            return chain.proceed(chain.request());
        } finally {
            permits.release();
        }
    }
}
