package dev.rebuildcauses.analysis.infer;

import dev.rebuildcauses.analysis.classify.Verdict;
import dev.rebuildcauses.analysis.model.Causes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the Dockerfiles and CI files of one revision say about the repository's paths: which are
 * run at image build time, started as the application, run only by CI, fed to build arguments,
 * and which Dockerfiles are built. Immutable; built once per revision that changed those files.
 */
public final class RepositoryModel {
    private final String revision;
    private final Map<String, Verdict> files;
    private final Map<String, Verdict> folders;
    private final Map<String, Verdict> copiedIntoImage;
    private final Set<String> builtDockerfiles;
    private final Set<String> dockerfileFolders;
    private final Set<String> sources;
    private final boolean copiesWholeRepository;
    private final Set<String> copiedSources;
    private final Set<String> buildArgFiles;
    private final Map<String, ImageDefinition> images;

    /**
     * What a built Dockerfile says about the image it builds.
     *
     * @param dockerfile its path
     * @param context the folder it is built in: the one CI gives it, else its own folder
     * @param baseImages the images its stages start {@code FROM}, {@code ARG} defaults filled in, stage names left out
     */
    public record ImageDefinition(String dockerfile, String context, List<String> baseImages) {
        public ImageDefinition {
            baseImages = List.copyOf(baseImages);
        }
    }

    RepositoryModel(
            String revision,
            Map<String, Verdict> files,
            Map<String, Verdict> folders,
            Map<String, Verdict> copiedIntoImage,
            Set<String> builtDockerfiles,
            Set<String> dockerfileFolders,
            Set<String> sources,
            boolean copiesWholeRepository,
            Set<String> copiedSources,
            Set<String> buildArgFiles,
            Map<String, ImageDefinition> images) {
        this.revision = revision;
        this.files = Map.copyOf(files);
        this.folders = Map.copyOf(folders);
        this.copiedIntoImage = Map.copyOf(copiedIntoImage);
        this.builtDockerfiles = Set.copyOf(builtDockerfiles);
        this.dockerfileFolders = Set.copyOf(dockerfileFolders);
        this.sources = Set.copyOf(sources);
        this.copiesWholeRepository = copiesWholeRepository;
        this.copiedSources = Set.copyOf(copiedSources);
        this.buildArgFiles = Set.copyOf(buildArgFiles);
        this.images = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(images));
    }

    /**
     * Whether {@code path} enters an image: a built Dockerfile copies it, directly or through a
     * folder; or it makes the image, a built Dockerfile or a file CI feeds to {@code --build-arg}.
     * {@code null} when the revision builds no image, so nothing can be said.
     */
    public Boolean entersImage(String path) {
        if (builtDockerfiles.isEmpty()) {
            return null;
        }
        if (builtDockerfiles.contains(path) || buildArgFiles.contains(path) || copiedSources.contains(path)) {
            return true;
        }
        for (String source : copiedSources) {
            if (source.isEmpty() || path.startsWith(source + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The images this revision builds, by Dockerfile path, in path order. */
    public Map<String, ImageDefinition> images() {
        return images;
    }

    /** The revision whose files this model was read from. */
    public String revision() {
        return revision;
    }

    /** The inferred cause of {@code path} and why, empty when the repository says nothing about it. */
    public Optional<Verdict> verdictFor(String path) {
        Verdict file = files.get(path);
        if (file != null) {
            return Optional.of(file);
        }
        for (int slash = folders.isEmpty() ? -1 : path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            Verdict folder = folders.get(path.substring(0, slash + 1));
            if (folder != null) {
                return Optional.of(folder);
            }
        }
        if (RepoPaths.isDockerHubHook(path)) {
            String image = RepoPaths.directoryOf(RepoPaths.directoryOf(path));
            if (dockerfileFolders.contains(image)) {
                return Optional.of(new Verdict(
                        Causes.CI, "a Docker Hub build hook of " + (image.isEmpty() ? "the root image" : image + "/")));
            }
        }
        if (RepoPaths.isRequirementsVariant(path)) {
            return Optional.of(
                    new Verdict(Causes.DEPENDENCIES, "dependency manifest: a name variant of requirements.txt"));
        }
        return Optional.empty();
    }

    /**
     * A file a built Dockerfile copies in by name or glob (not through a folder), with where:
     * environment for files no rule knows, such as {@code initial-condarc}.
     */
    public Optional<Verdict> copiedIntoImage(String path) {
        return Optional.ofNullable(copiedIntoImage.get(path));
    }

    /** True when CI (or, without CI references, the folder layout) says this Dockerfile builds a shipped image. */
    public boolean isBuiltDockerfile(String path) {
        return builtDockerfiles.contains(path);
    }

    /** True when a change to {@code path} may change this model: a Dockerfile, a CI file or a script CI runs. */
    public boolean dependsOn(String path) {
        return RepoPaths.isDockerfileOrCiFile(path) || sources.contains(path);
    }

    /**
     * True when a built Dockerfile copies the whole repository ({@code COPY . /app}): a code file
     * CI runs is then in the image too, so not provably CI-only.
     */
    public boolean copiesWholeRepository() {
        return copiesWholeRepository;
    }

    /** The files read to build this model. */
    public Set<String> sources() {
        return sources;
    }
}
