package dev.rebuildcauses.analysis.dockerfile;

/** What a {@code COPY} or {@code ADD} source brings into the image. */
public enum SourceKind {
    /** A dependency manifest from the build context: requirements.txt, environment.yml, package.json, a lock file. */
    DEPENDENCY_MANIFEST,
    /** Anything else from the build context: the code, the whole context, scripts, data. */
    CODE,
    /** Files from another stage or image ({@code --from}). */
    OTHER_STAGE,
    /** A remote URL or git repository ({@code ADD https://…}). */
    REMOTE,
    /** A heredoc written in the Dockerfile itself ({@code COPY <<EOF /path}). */
    INLINE
}
