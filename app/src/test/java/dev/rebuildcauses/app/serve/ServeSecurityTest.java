package dev.rebuildcauses.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.app.CommandFailure;
import dev.rebuildcauses.app.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeSecurityTest {
    private static final String TOKEN = "s3cret-dashboard-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path folder;

    private static ServeRunner.Running running;
    private static StringWriter log;
    private static URI base;

    @BeforeAll
    static void startWithAToken() throws Exception {
        Path config = DashboardFixture.hostileOnly(folder.resolve("store"));
        Path tokenFile = folder.resolve("token");
        Files.writeString(tokenFile, TOKEN + "\n");
        log = new StringWriter();
        PrintWriter logger = new PrintWriter(log, true);
        running = new ServeRunner(logger, logger, Map.of())
                .start(new ServeConfig(config, "127.0.0.1", 0, null, tokenFile, false));
        base = running.server().url();
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void shouldRefuseToListenBeyondLoopbackWithoutAToken() {
        ServeRunner runner =
                new ServeRunner(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of());

        assertThatThrownBy(() -> runner.settings(new ServeConfig(Path.of("x.yml"), "0.0.0.0", 0, null, null, true)))
                .isInstanceOf(CommandFailure.class)
                .hasMessageContaining("refusing to serve on 0.0.0.0 without an access token")
                .satisfies(failure ->
                        assertThat(((CommandFailure) failure).exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void shouldListenBeyondLoopbackWithATokenFromTheEnvironment() throws CommandFailure {
        ServeRunner runner = new ServeRunner(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of("DASH", TOKEN));

        ServerSettings settings = runner.settings(new ServeConfig(Path.of("x.yml"), "0.0.0.0", 0, "DASH", null, true));

        assertThat(settings.token()).isPresent();
        assertThat(settings.toString()).doesNotContain(TOKEN);
    }

    @Test
    void shouldAnswer401WithoutTheToken() throws Exception {
        HttpResponse<String> page = get("/", Map.of());
        HttpResponse<String> api = get("/api/jobs", Map.of());
        HttpResponse<String> csv = get("/csv/jobs.csv", Map.of());
        HttpResponse<String> wrong = get("/", Map.of("Authorization", "Bearer nope"));

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(csv.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(get("/?token=nope", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldServeABearerAndNeverEchoTheToken() throws Exception {
        HttpResponse<String> page = get("/jobs", Map.of("Authorization", "Bearer " + TOKEN));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(TOKEN);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'")
                .contains("style-src 'self'")
                .doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(log.toString()).doesNotContain(TOKEN);
    }

    @Test
    void shouldTurnATokenLoginIntoASessionCookieAndDropTheTokenFromTheAddress() throws Exception {
        HttpResponse<String> login = get("/jobs?folder=images&token=" + TOKEN, Map.of());

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/jobs?folder=images");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .doesNotContain(TOKEN);
        String session = cookie.substring(0, cookie.indexOf(';'));

        HttpResponse<String> page = get("/jobs?folder=images", Map.of("Cookie", session));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(TOKEN);
    }

    @Test
    void shouldEscapeHostileNamesInPagesAndLinks() throws Exception {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + TOKEN);

        String jobs = get("/jobs", auth).body();
        String build = get("/build?job=%3Cscript%3Ealert(1)%3C%2Fscript%3E&number=2", auth)
                .body();

        assertThat(jobs).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(jobs).contains("/job?name=%3Cscript%3Ealert%281%29%3C%2Fscript%3E");
        assertThat(build)
                .contains("&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<img src=x")
                .doesNotContain("<b onmouseover");
    }

    @Test
    void shouldDownloadTablesWithTheExportSchema() throws Exception {
        HttpResponse<String> csv = get("/csv/jobs.csv", Map.of("Authorization", "Bearer " + TOKEN));

        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body())
                .startsWith("job,builds,hours,top_cause,environment_changes,mean_days_between_environment_changes\r\n")
                .contains("<script>alert(1)</script>,2,0.43,");
    }

    @Test
    void shouldSendAKeptPageGzippedOnlyToAClientThatAcceptsItWithTheSameHeaders() throws Exception {
        // Given the overview, once as plain and twice gzip-compressed (rendered, then kept)
        Map<String, String> auth = Map.of("Authorization", "Bearer " + TOKEN);
        HttpResponse<byte[]> plain = bytes("/", auth);
        java.util.Map<String, String> gzip = new java.util.HashMap<>(auth);
        gzip.put("Accept-Encoding", "br;q=1.0, gzip;q=0.8");
        HttpResponse<byte[]> first = bytes("/", gzip);
        HttpResponse<byte[]> second = bytes("/", gzip);

        // Then the compressed answers unpack to the plain page, and every answer says its length and policy
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(first.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(first.body())).isEqualTo(plain.body());
        assertThat(second.body()).isEqualTo(first.body());
        for (HttpResponse<byte[]> page : java.util.List.of(plain, first, second)) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValueAsLong("Content-Length")).hasValue(page.body().length);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(
                            type -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase("text/html;charset=utf-8"));
            assertThat(page.headers().firstValue("Vary")).hasValue("Accept-Encoding");
            assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
        assertThat(new String(plain.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("</html>");
    }

    private static byte[] gunzip(byte[] body) throws java.io.IOException {
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private static HttpResponse<byte[]> bytes(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
