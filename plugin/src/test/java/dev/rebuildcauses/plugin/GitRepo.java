package dev.rebuildcauses.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A working clone pushing to a local bare repository that a Hudson git job builds. */
final class GitRepo {
    private final Path work;
    private final Path bare;

    private GitRepo(Path work, Path bare) {
        this.work = work;
        this.bare = bare;
    }

    static GitRepo create(Path dir, String name) throws IOException, InterruptedException {
        Path bare = dir.resolve(name + ".git");
        Path work = dir.resolve(name + "-work");
        git(dir, "init", "-q", "--bare", bare.toString());
        git(dir, "init", "-q", work.toString());
        return new GitRepo(work, bare);
    }

    /** A freestyle job building this repository's master branch, in the git plugin's old format. */
    String jobConfig() {
        return """
                <?xml version='1.0' encoding='UTF-8'?>
                <project>
                  <scm class="hudson.plugins.git.GitSCM">
                    <configVersion>2</configVersion>
                    <remoteRepositories>
                      <org.spearce.jgit.transport.RemoteConfig>
                        <string>origin</string>
                        <int>5</int>
                        <string>fetch</string>
                        <string>+refs/heads/*:refs/remotes/origin/*</string>
                        <string>receivepack</string>
                        <string>git-receive-pack</string>
                        <string>uploadpack</string>
                        <string>git-upload-pack</string>
                        <string>url</string>
                        <string>URL</string>
                        <string>tagopt</string>
                        <string></string>
                      </org.spearce.jgit.transport.RemoteConfig>
                    </remoteRepositories>
                    <branches><hudson.plugins.git.BranchSpec><name>master</name></hudson.plugins.git.BranchSpec></branches>
                    <mergeOptions/>
                  </scm>
                </project>
                """
                .strip()
                .replace("URL", bare.toUri().toString());
    }

    GitRepo write(String file, String text) throws IOException {
        Files.writeString(work.resolve(file), text);
        return this;
    }

    void commitAndPush(String message) throws IOException, InterruptedException {
        git(work, "add", "-A");
        git(work, "commit", "-q", "--allow-empty", "-m", message);
        git(work, "push", "-q", bare.toUri().toString(), "HEAD:refs/heads/master");
    }

    /** Clones this repository's remote into {@code folder} as a mirror named like it ({@code name.git}). */
    Path mirrorInto(Path folder) throws IOException, InterruptedException {
        Path mirror = Files.createDirectories(folder).resolve(bare.getFileName());
        git(folder, "clone", "-q", "--mirror", bare.toString(), mirror.toString());
        return mirror;
    }

    private static void git(Path in, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "git", "-c", "user.name=Dev", "-c", "user.email=dev@example.com", "-c", "init.defaultBranch=master"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(in.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + output);
        }
    }
}
