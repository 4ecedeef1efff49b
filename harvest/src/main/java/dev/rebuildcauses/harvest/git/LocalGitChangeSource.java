package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.harvest.changes.ChangeSource;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Change ranges from local clones: a repository name or clone URL is mapped to a clone directory,
 * whose HEAD history is walked once and then indexed for every range.
 */
public final class LocalGitChangeSource implements ChangeSource {
    private final Function<String, Optional<Path>> clones;
    private final Map<Path, RangeResolver> resolvers = new HashMap<>();

    /** @param clones the clone directory of a repository (as builds name it), or empty when there is none */
    public LocalGitChangeSource(Function<String, Optional<Path>> clones) {
        this.clones = clones;
    }

    /** Clones named one by one, e.g. {@code https://bitbucket/scm/img/base.git → /srv/mirrors/base}. */
    public static LocalGitChangeSource of(Map<String, Path> clones) {
        Map<String, Path> copy = Map.copyOf(clones);
        return new LocalGitChangeSource(repository -> Optional.ofNullable(copy.get(repository)));
    }

    /**
     * Clones kept side by side in one folder, named as the last segment of the clone URL
     * ({@code <dir>/base} or {@code <dir>/base.git} for {@code …/img/base.git}).
     */
    public static LocalGitChangeSource mirrorsUnder(Path directory) {
        return new LocalGitChangeSource(repository -> {
            String name = repository.replaceAll("[/\\\\]+$", "");
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
            name = name.endsWith(".git") ? name.substring(0, name.length() - 4) : name;
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                return Optional.empty();
            }
            for (Path candidate : new Path[] {directory.resolve(name), directory.resolve(name + ".git")}) {
                if (Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public boolean hasSourceFor(String repository) {
        return clones.apply(repository).isPresent();
    }

    @Override
    public synchronized ChangeRange resolve(String repository, String fromRevision, String toRevision)
            throws HarvestException {
        Path clone = clones.apply(repository)
                .orElseThrow(() -> new HarvestException(
                        FailureKind.LOCAL, "no local clone configured for repository " + repository));
        RangeResolver resolver = resolvers.get(clone);
        if (resolver == null) {
            GitRepository git = GitRepository.open(clone);
            resolver = new RangeResolver(git, git.firstParentHistory("HEAD", WalkProgress.NONE));
            resolvers.put(clone, resolver);
        }
        return resolver.resolve(fromRevision, toRevision);
    }
}
