package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.harvest.changes.ChangeSource;
import dev.rebuildcauses.harvest.changes.HarvestException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Change ranges from mirrors the harvest keeps itself: the build's clone URL is mirrored (cloned
 * once, fetched once per harvest) and ranges are read from the mirror, with no REST request at all.
 */
public final class MirrorChangeSource implements ChangeSource {
    private final GitMirrors mirrors;
    private final Map<String, Path> mirrorByUrl = new ConcurrentHashMap<>();
    private final LocalGitChangeSource local;

    public MirrorChangeSource(GitMirrors mirrors) {
        this.mirrors = mirrors;
        this.local = new LocalGitChangeSource(url -> Optional.ofNullable(mirrorByUrl.get(url)));
    }

    @Override
    public ChangeRange resolve(String repository, String fromRevision, String toRevision) throws HarvestException {
        mirrorByUrl.put(repository, mirrors.mirror(repository));
        return local.resolve(repository, fromRevision, toRevision);
    }

    public GitMirrors mirrors() {
        return mirrors;
    }
}
