package dev.rebuildcauses.simulator.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves the bare repositories under one folder over git's smart HTTP protocol on loopback, as
 * Bitbucket does under {@code /scm/}: {@code git http-backend} runs as a CGI per request. Requests
 * without {@code Authorization: Bearer <token>} get 401, so clients must send the credential.
 */
public final class GitSmartHttpServer implements AutoCloseable {
    private static final String PREFIX = "/scm";

    private final Path root;
    private final String token;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param root the folder holding {@code PROJ/slug.git} bare repositories
     * @param token the bearer token every request must carry
     */
    public GitSmartHttpServer(Path root, String token) {
        this.root = root;
        this.token = token;
    }

    public GitSmartHttpServer start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the git server", e);
        }
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "simulated-git-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(PREFIX + "/", this::handle);
        server.start();
        return this;
    }

    /** The handler of {@code /scm/…}, to mount on another server (the simulated Bitbucket's own port). */
    public com.sun.net.httpserver.HttpHandler handler() {
        return this::handle;
    }

    /** The clone URL of {@code PROJ/slug}, e.g. {@code http://127.0.0.1:PORT/scm/PROJ/slug.git}. */
    public String cloneUrl(String repositoryKey) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX + "/" + repositoryKey + ".git";
    }

    /** Requests answered (fetches and clones take two or three each). */
    public long requestCount() {
        return requests.get();
    }

    /** Requests refused for a missing or wrong credential. */
    public long refusedCount() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.equals("Bearer " + token)) {
                refused.incrementAndGet();
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"simulated git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            runBackend(exchange);
        }
    }

    /** Runs one CGI request through {@code git http-backend} and copies its answer back. */
    private void runBackend(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
        if (path.contains("..")) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        ProcessBuilder builder = new ProcessBuilder("git", "http-backend");
        Map<String, String> env = builder.environment();
        env.put("GIT_PROJECT_ROOT", root.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("PATH_INFO", path);
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        String query = exchange.getRequestURI().getRawQuery();
        env.put("QUERY_STRING", query == null ? "" : query);
        env.put("REMOTE_USER", "simulated");
        env.put("REMOTE_ADDR", "127.0.0.1");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            env.put("CONTENT_TYPE", contentType);
        }
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null) {
            env.put("HTTP_CONTENT_ENCODING", encoding);
        }
        String protocol = exchange.getRequestHeaders().getFirst("Git-Protocol");
        if (protocol != null) {
            env.put("GIT_PROTOCOL", protocol);
        }
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        Thread feeder = new Thread(() -> {
            try (InputStream body = exchange.getRequestBody();
                    OutputStream stdin = process.getOutputStream()) {
                body.transferTo(stdin);
            } catch (IOException e) {
                // the backend stopped reading: its answer tells the client what went wrong
            }
        });
        feeder.start();
        try (InputStream stdout = new BufferedInputStream(process.getInputStream())) {
            int status = 200;
            String line;
            while (!(line = headerLine(stdout)).isEmpty()) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Status")) {
                    status = Integer.parseInt(value.split(" ")[0]);
                } else {
                    exchange.getResponseHeaders().add(name, value);
                }
            }
            exchange.sendResponseHeaders(status, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                stdout.transferTo(out);
            }
        } finally {
            try {
                feeder.join();
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** One CGI header line without its line end; empty at the blank line that ends the headers. */
    private static String headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
