package dev.rebuildcauses.plugin;

import dev.rebuildcauses.harvest.bitbucket.BitbucketCloudChangeSource;
import dev.rebuildcauses.harvest.bitbucket.BitbucketServerChangeSource;
import dev.rebuildcauses.harvest.changes.ChangeSource;
import dev.rebuildcauses.harvest.git.LocalGitChangeSource;
import dev.rebuildcauses.harvest.http.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The change source the settings name, or none for the server's own change sets. */
final class ChangeSources {
    private ChangeSources() {}

    static Optional<ChangeSource> of(PluginSettings settings) {
        Credentials credentials =
                settings.token().isBlank() ? Credentials.none() : Credentials.of(settings.user(), settings.token());
        return switch (settings.changeSource()) {
            case SERVER -> Optional.empty();
            case BITBUCKET_SERVER -> Optional.of(
                    BitbucketServerChangeSource.connect(settings.bitbucketUrl().trim(), credentials));
            case BITBUCKET_CLOUD -> Optional.of(BitbucketCloudChangeSource.connect(credentials));
                // a fresh source per range: one kept would keep the history it first read, and mirrors are
                // fetched while the server runs (reading a clone's first-parent history is cheap with git)
            case MIRROR -> Optional.of(
                    (repository, from, to) -> new LocalGitChangeSource(url -> mirrorOf(settings.mirrorFolder(), url))
                            .resolve(repository, from, to));
        };
    }

    /** The clone named like the repository URL's last segment, with or without {@code .git}. */
    static Optional<Path> mirrorOf(String folder, String url) {
        String name = url.replaceAll("/+$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        Path root = Path.of(folder);
        for (String candidate : new String[] {name, name.replaceAll("\\.git$", ""), name + ".git"}) {
            Path clone = root.resolve(candidate);
            if (!candidate.isEmpty() && Files.isDirectory(clone)) {
                return Optional.of(clone);
            }
        }
        return Optional.empty();
    }
}
