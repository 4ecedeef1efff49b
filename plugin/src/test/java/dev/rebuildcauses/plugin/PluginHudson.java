package dev.rebuildcauses.plugin;

import dev.rebuildcauses.harvest.jenkins.HudsonLauncher;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Hudson 3.3.2 in its own JVM (started by harvest's {@link HudsonLauncher}) on a home that
 * survives restarts, so a test can build first and install the plugin afterwards; for *ITest only.
 */
final class PluginHudson implements AutoCloseable {
    private static final List<String> OPENS = List.of(
            "java.base/java.lang",
            "java.base/java.lang.ref",
            "java.base/java.lang.reflect",
            "java.base/java.util",
            "java.base/java.util.concurrent",
            "java.base/java.io",
            "java.base/java.net",
            "java.base/java.nio",
            "java.base/java.text",
            "java.base/sun.nio.ch",
            "java.desktop/java.awt.font");

    private final Process process;
    private final Path log;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private PluginHudson(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /** The server's home under {@code dir}. */
    static Path home(Path dir) {
        return dir.resolve("hudson-home");
    }

    /** Installs the plugin under test into the home under {@code dir}, for the next start. */
    static void installPlugin(Path dir) throws IOException {
        Files.createDirectories(home(dir).resolve("plugins"));
        Files.copy(
                Path.of(requiredProperty("plugin.hpi")),
                home(dir).resolve("plugins/rebuild-causes.hpi"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Starts Hudson with the git plugin on the home under {@code dir}; its log goes to {@code logName}. */
    static PluginHudson start(Path dir, String logName) throws IOException, InterruptedException {
        Path home = Files.createDirectories(home(dir));
        Files.createDirectories(home.resolve("plugins"));
        Files.copy(
                Path.of(requiredProperty("hudson.git.plugin")),
                home.resolve("plugins/git.hpi"),
                StandardCopyOption.REPLACE_EXISTING);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String launcher = Path.of(URI.create(HudsonLauncher.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toString()))
                .toString();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        OPENS.forEach(module -> command.add("--add-opens=" + module + "=ALL-UNNAMED"));
        command.add("-DHUDSON_HOME=" + home);
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("hudson-tmp")));
        command.add("-Djava.awt.headless=true");
        command.add("-Drebuild-causes.tick.millis=2000"); // exports and retries within the test's patience
        command.add("-cp");
        command.add(requiredProperty("hudson.war") + java.io.File.pathSeparator + launcher);
        command.add(HudsonLauncher.class.getName());
        command.add("--httpPort=" + port);
        command.add("--httpListenAddress=127.0.0.1");
        command.add("--skipInitSetup");
        command.add("--updateServer=http://127.0.0.1:9/");
        Path log = dir.resolve(logName);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PluginHudson server = new PluginHudson(process, log, "http://127.0.0.1:" + port + "/");
        server.awaitReady(Duration.ofSeconds(120));
        return server;
    }

    String url() {
        return url;
    }

    Path log() {
        return log;
    }

    /** Creates a freestyle job; returns the HTTP status (Hudson refuses unsafe names with 400). */
    int createJob(String name, String configXml) throws IOException, InterruptedException {
        return post("createItem?name=" + encode(name), configXml).statusCode();
    }

    /** Queues a build at once and waits until it has finished. */
    void build(String job, int expectedNumber) throws IOException, InterruptedException {
        HttpResponse<String> queued = post("job/" + encode(job) + "/build?delay=0sec", "");
        if (queued.statusCode() >= 400) {
            throw new IllegalStateException("cannot build " + job + ": HTTP " + queued.statusCode());
        }
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = get("job/" + encode(job) + "/api/json?tree=lastCompletedBuild%5Bnumber%5D");
            if (answer.body().contains("\"number\":" + expectedNumber)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("build " + expectedNumber + " of " + job + " did not finish; see " + log);
    }

    HttpResponse<String> post(String path, String xml) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString(xml))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A path segment or query value as a URL wants it. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void awaitReady(Duration patience) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Hudson exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (get("api/json").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("Hudson did not answer within " + patience + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run through mvn verify");
        }
        return value;
    }
}
