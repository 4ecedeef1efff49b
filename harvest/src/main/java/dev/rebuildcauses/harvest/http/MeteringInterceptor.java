package dev.rebuildcauses.harvest.http;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Takes a slot of the request budget and counts every attempt that goes out. */
final class MeteringInterceptor implements Interceptor {
    private final RequestBudget budget;
    private final AtomicLong requests = new AtomicLong();

    MeteringInterceptor(RequestBudget budget) {
        this.budget = budget;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        budget.acquire();
        requests.incrementAndGet();
        return chain.proceed(chain.request());
    }

    long requests() {
        return requests.get();
    }
}
