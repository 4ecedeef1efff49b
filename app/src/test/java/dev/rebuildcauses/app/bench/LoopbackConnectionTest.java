package dev.rebuildcauses.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LoopbackConnectionTest {
    @Test
    void shouldReadWholeAnswersOfKnownLengthAndInChunksOnOneKeptConnection() throws Exception {
        // Given a server answering with a length, in chunks, and with a 404, counting the connections it sees
        byte[] page = "x".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
        List<Object> connections = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (!connections.contains(exchange.getRemoteAddress())) {
                connections.add(exchange.getRemoteAddress());
            }
            String path = exchange.getRequestURI().getPath();
            int status = path.equals("/missing") ? 404 : 200;
            exchange.sendResponseHeaders(status, path.equals("/chunked") ? 0 : page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        server.start();
        try (LoopbackConnection connection = new LoopbackConnection(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))) {
            // When one connection asks for each in turn, twice
            List<Integer> statuses = new java.util.ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (String path : List.of("/sized", "/chunked", "/missing")) {
                    statuses.add(connection.get(path));
                }
            }

            // Then every answer was read to its end, so the next request on the same connection got its own
            assertThat(statuses).containsExactly(200, 200, 404, 200, 200, 404);
            assertThat(connections).hasSize(1);
        } finally {
            server.stop(0);
        }
    }
}
