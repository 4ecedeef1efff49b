package dev.rebuildcauses.simulator.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP server on a loopback ephemeral port with per-request latency, faults from a
 * {@link FaultPlan}, an auth check and a request counter; subclasses answer the API.
 */
public abstract class SimulatedServer implements AutoCloseable {
    static {
        // Without TCP_NODELAY the JDK server writes headers and body in two segments and the
        // client's delayed ACK adds about 40 ms to every answer, which would swamp the latency we inject.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final FaultPlan plan;
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, AtomicLong> attempts = new ConcurrentHashMap<>();
    private final Map<FaultPlan.Fault, AtomicLong> faults = new EnumMap<>(FaultPlan.Fault.class);
    private HttpServer server;
    private ExecutorService executor;

    protected SimulatedServer(FaultPlan plan) {
        this.plan = plan;
        for (FaultPlan.Fault fault : FaultPlan.Fault.values()) {
            faults.put(fault, new AtomicLong());
        }
    }

    /** Starts listening on 127.0.0.1 on a free port. */
    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open a loopback port for " + getClass().getSimpleName(), e);
        }
        executor = Executors.newFixedThreadPool(32, runnable -> {
            Thread thread = new Thread(runnable, getClass().getSimpleName());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    /** Serves a path prefix with its own handler (e.g. git's smart HTTP beside the REST API). */
    protected synchronized void mount(String prefix, com.sun.net.httpserver.HttpHandler handler) {
        if (server == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is not started");
        }
        server.createContext(prefix, handler);
    }

    /** The base URL, ending with {@code /}, e.g. {@code http://127.0.0.1:41234/}. */
    public String url() {
        if (server == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is not started");
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests received so far, faulty ones included. */
    public long requestCount() {
        return requests.get();
    }

    /** Faults injected so far of one kind. */
    public long faultCount(FaultPlan.Fault fault) {
        return faults.get(fault).get();
    }

    public void resetCounts() {
        requests.set(0);
        faults.values().forEach(count -> count.set(0));
    }

    protected FaultPlan plan() {
        return plan;
    }

    /** Whether the request's credentials are accepted. */
    protected abstract boolean authorized(HttpExchange exchange);

    /** The answer when {@link #authorized} says no. */
    protected abstract Answer unauthorized();

    /**
     * Answers one GET.
     *
     * @param rawPath the undecoded path, as the client sent it
     * @param query decoded query parameters
     */
    protected abstract Answer answer(String rawPath, Map<String, String> query);

    private void handle(HttpExchange exchange) {
        try (exchange) {
            requests.incrementAndGet();
            pause(plan.latency().toMillis());
            URI uri = exchange.getRequestURI();
            if (!authorized(exchange)) {
                send(exchange, unauthorized(), FaultPlan.Fault.NONE);
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, Answer.text(405, "only GET is simulated"), FaultPlan.Fault.NONE);
                return;
            }
            String key = uri.getRawPath() + "?" + uri.getRawQuery();
            int attempt =
                    (int) attempts.computeIfAbsent(key, k -> new AtomicLong()).getAndIncrement();
            FaultPlan.Fault fault = plan.draw(key, attempt);
            faults.get(fault).incrementAndGet();
            Answer answer =
                    switch (fault) {
                        case TOO_MANY_REQUESTS, TOO_MANY_REQUESTS_RETRY_AFTER -> Answer.text(
                                429, "Rate limit exceeded");
                        case SERVER_ERROR -> Answer.html(
                                500, "<html><body><h1>Internal Server Error</h1></body></html>");
                        default -> answerSafely(uri);
                    };
            if (fault == FaultPlan.Fault.TOO_MANY_REQUESTS_RETRY_AFTER) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            send(exchange, answer, fault);
        } catch (IOException e) {
            // the client went away (or a truncated body was cut on purpose): nothing to answer
        }
    }

    private Answer answerSafely(URI uri) {
        try {
            return answer(uri.getRawPath(), query(uri.getRawQuery()));
        } catch (RuntimeException e) {
            return Answer.text(500, "simulator failure: " + e);
        }
    }

    private void send(HttpExchange exchange, Answer answer, FaultPlan.Fault fault) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length == 0) {
            return;
        }
        OutputStream out = exchange.getResponseBody();
        if (fault == FaultPlan.Fault.TRUNCATED) {
            out.write(body, 0, body.length / 2);
            out.flush();
            // closing the connection with bytes missing: the client sees a premature end of body
            throw new IOException("truncated on purpose");
        }
        if (fault == FaultPlan.Fault.SLOW) {
            int chunks = 4;
            int size = (body.length + chunks - 1) / chunks;
            for (int offset = 0; offset < body.length; offset += size) {
                pause(plan.slowBody().toMillis() / chunks);
                out.write(body, offset, Math.min(size, body.length - offset));
                out.flush();
            }
            out.close();
            return;
        }
        out.write(body);
        out.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
