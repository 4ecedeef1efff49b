package dev.rebuildcauses.harvest.jenkins;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real Hudson 3.3.2 in its own JVM on a free loopback port, with the git plugin; for *ITest only. */
final class HudsonServer implements AutoCloseable {
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

    private HudsonServer(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /** Starts Hudson with a fresh home under {@code dir} and waits until its API answers. */
    static HudsonServer start(Path dir) throws IOException, InterruptedException {
        Path war = Path.of(requiredProperty("hudson.war"));
        Path home = Files.createDirectories(dir.resolve("hudson-home"));
        Files.createDirectories(home.resolve("plugins"));
        Files.copy(
                Path.of(requiredProperty("hudson.git.plugin")),
                home.resolve("plugins/git.hpi"),
                StandardCopyOption.REPLACE_EXISTING);
        int port = freePort();
        String launcherClasses = Path.of(URI.create(HudsonLauncher.class
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
        command.add("-cp");
        command.add(war + java.io.File.pathSeparator + launcherClasses);
        command.add(HudsonLauncher.class.getName());
        command.add("--httpPort=" + port);
        command.add("--httpListenAddress=127.0.0.1");
        command.add("--skipInitSetup");
        command.add("--updateServer=http://127.0.0.1:9/"); // fails at once instead of reaching out
        Path log = dir.resolve("hudson.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HudsonServer server = new HudsonServer(process, log, "http://127.0.0.1:" + port + "/");
        server.awaitReady(Duration.ofSeconds(90));
        return server;
    }

    String url() {
        return url;
    }

    /** Creates a freestyle job from its {@code config.xml}. */
    void createJob(String name, String configXml) throws IOException, InterruptedException {
        post("createItem?name=" + name, configXml);
    }

    /** Queues a build at once and waits until it has finished. */
    void build(String job, int expectedNumber) throws IOException, InterruptedException {
        post("job/" + job + "/build?delay=0sec", "");
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = get("job/" + job + "/api/json?tree=lastCompletedBuild%5Bnumber%5D");
            if (answer.body().contains("\"number\":" + expectedNumber)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("build " + expectedNumber + " of " + job + " did not finish; see " + log);
    }

    private void post(String path, String xml) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString(xml))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 400) {
            throw new IllegalStateException("POST " + path + " answered " + answer.statusCode());
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
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
                // still starting: connection refused until Jetty listens
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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
