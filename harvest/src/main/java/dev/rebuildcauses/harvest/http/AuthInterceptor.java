package dev.rebuildcauses.harvest.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Sends the credentials on the first request: Jenkins answers 403 and never challenges. */
final class AuthInterceptor implements Interceptor {
    private final String header;

    AuthInterceptor(Credentials credentials) {
        this.header = credentials.authorizationHeader();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (header == null || chain.request().header("Authorization") != null) {
            return chain.proceed(chain.request());
        }
        return chain.proceed(
                chain.request().newBuilder().header("Authorization", header).build());
    }
}
