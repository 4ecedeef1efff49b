package dev.rebuildcauses.harvest.http;

import java.time.Clock;
import okhttp3.OkHttpClient;

/** Builds the one OkHttpClient of a remote with its interceptors in order: limit, retry, metering, auth. */
final class OkHttpClientFactory {
    private OkHttpClientFactory() {}

    static OkHttpClient create(
            HttpSettings settings,
            Credentials credentials,
            Sleeper sleeper,
            Clock clock,
            MeteringInterceptor metering) {
        return new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                // our RetryInterceptor decides; OkHttp's own silent retry would hide attempts from the count
                .retryOnConnectionFailure(false)
                .addInterceptor(new ConcurrencyLimitInterceptor(settings.maxConcurrentRequests()))
                .addInterceptor(new RetryInterceptor(settings, sleeper, clock))
                .addInterceptor(metering)
                .addInterceptor(new AuthInterceptor(credentials))
                .build();
    }
}
