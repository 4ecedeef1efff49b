package dev.rebuildcauses.harvest.bitbucket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import okhttp3.mockwebserver.MockResponse;

/** The recorded payloads of {@code src/test/resources/.../bitbucket} (see the README there). */
final class Fixtures {
    private Fixtures() {}

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse json(String body) {
        return new MockResponse()
                .setHeader("Content-Type", "application/json;charset=UTF-8")
                .setBody(body);
    }
}
