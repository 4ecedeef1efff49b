package dev.rebuildcauses.analysis.infer;

import dev.rebuildcauses.analysis.classify.Verdict;
import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Builds the {@link RepositoryModel} of one revision by reading its CI files, the scripts they run and its Dockerfiles. */
final class RepositoryModelReader {
    private static final Set<String> SOURCE_FOLDERS = Set.of("src", "lib", "app", "source", "test", "tests");

    private final RepositorySnapshot snapshot;
    private final ParsedFiles parsedFiles;
    /** The last listing and its index: a snapshot gives the same list again when no path was added or removed. */
    private List<String> lastPaths;

    private PathIndex lastIndex;
    /** The revision {@link #lastIndex} lists, when it was moved there by diffs rather than listed. */
    private String indexRevision;
    /**
     * The texts read for the model of {@link #indexRevision} (CI files, scripts, Dockerfiles, and
     * which of them were missing): a file the diff to the next revision does not name is the same
     * there, so only changed files are read and parsed again.
     */
    private final Map<String, Optional<String>> texts = new java.util.HashMap<>();

    /**
     * What the CI files of the last model said: the next model reuses it while its index has the
     * same paths and each text read then is still the one in {@link #texts} (a Dockerfile change
     * leaves CI as it was).
     */
    private record CiReading(
            PathIndex index, int generation, Map<String, Optional<String>> read, CiAnalyzer ci, Set<String> sources) {}

    /**
     * What the built Dockerfiles of the last model said: reused, like {@link CiReading}, while the
     * same Dockerfiles are built in the same contexts from the same texts (a CI change that builds
     * the same images leaves them as they were).
     */
    private record DockerfileReading(
            PathIndex index,
            int generation,
            List<Object> contexts,
            List<String> built,
            Map<String, Optional<String>> read,
            Set<String> sources,
            List<DockerfileFacts> facts,
            Map<String, List<DockerInstruction>> parsed,
            Set<String> copied) {}

    private CiReading lastCi;
    private DockerfileReading lastDockerfiles;
    private int ciAnalyses;
    private int dockerfileAnalyses;

    RepositoryModelReader(RepositorySnapshot snapshot, ParsedFiles parsedFiles) {
        this.snapshot = snapshot;
        this.parsedFiles = parsedFiles;
    }

    /** Dockerfiles, CI files and CI scripts parsed so far: once per content, so once per revision that changed one. */
    int filesParsed() {
        return parsedFiles.parsed();
    }

    /** How often CI files were analysed rather than their last analysis reused. */
    int ciAnalyses() {
        return ciAnalyses;
    }

    /** How often the built Dockerfiles were analysed rather than their last analysis reused. */
    int dockerfileAnalyses() {
        return dockerfileAnalyses;
    }

    RepositoryModel read(String revision) throws SnapshotException {
        PathIndex index = indexAt(revision);
        Set<String> sources = new TreeSet<>();
        CiAnalyzer ci = readCi(revision, index, sources);

        Map<String, Verdict> files = new LinkedHashMap<>();
        Map<String, Verdict> folders = new LinkedHashMap<>();
        Set<String> built = builtDockerfiles(index, ci, files, folders);
        Map<String, Verdict> copiedFiles = new LinkedHashMap<>();
        Map<String, List<DockerInstruction>> parsed = new LinkedHashMap<>();
        Set<String> copied = readDockerfiles(revision, index, ci, built, sources, files, copiedFiles, parsed);
        ci.buildArgFiles()
                .forEach((file, where) -> files.putIfAbsent(
                        file,
                        new Verdict(
                                Causes.ENVIRONMENT,
                                "build arguments read from " + RepoPaths.baseName(file) + " by " + where)));
        ci.runs().forEach((file, where) -> {
            if (isCopiedExplicitly(file, copied) || RepoPaths.isUnderTests(file)) {
                return;
            }
            files.putIfAbsent(file, new Verdict(Causes.CI, "run only by " + where));
            String folder = toolFolder(file, index);
            if (folder != null && !isCopied(folder, copied) && !containsDockerfile(folder, index)) {
                folders.putIfAbsent(
                        folder + "/",
                        new Verdict(Causes.CI, "in " + folder + "/, a folder of tools run only by " + where));
            }
        });
        ci.imageCommands().forEach((file, where) -> {
            if (RepoPaths.isMakefile(file)) {
                files.putIfAbsent(file, new Verdict(Causes.CI, "builds the images: docker at " + where));
            }
        });
        Set<String> dockerfileFolders = new LinkedHashSet<>();
        index.dockerfiles().forEach(path -> dockerfileFolders.add(RepoPaths.directoryOf(path)));
        hookFolders(ci, index, dockerfileFolders, copied, files, folders);
        Map<String, RepositoryModel.ImageDefinition> images = new java.util.TreeMap<>();
        parsed.forEach((dockerfile, instructions) -> {
            Set<String> contexts = contextsOf(ci, dockerfile);
            String context = contexts.isEmpty()
                    ? RepoPaths.directoryOf(dockerfile)
                    : contexts.iterator().next();
            images.put(
                    dockerfile, new RepositoryModel.ImageDefinition(dockerfile, context, BaseImages.of(instructions)));
        });
        return new RepositoryModel(
                revision,
                files,
                folders,
                copiedFiles,
                built,
                dockerfileFolders,
                sources,
                copied.contains(""),
                copied,
                ci.buildArgFiles().keySet(),
                images);
    }

    /**
     * The {@code hooks/} folder of an image whose scripts CI runs by a path it computes per image
     * ({@code $(SHELL) $(notdir $@)/hooks/run_hook}): the scripts and what they read
     * ({@code manifest.tmpl}) are CI, unless an image copies them.
     */
    private static void hookFolders(
            CiAnalyzer ci,
            PathIndex index,
            Set<String> dockerfileFolders,
            Set<String> copied,
            Map<String, Verdict> files,
            Map<String, Verdict> folders) {
        if (ci.hookScripts().isEmpty()) {
            return;
        }
        for (String image : dockerfileFolders) {
            String hooks = image.isEmpty() ? "hooks" : image + "/hooks";
            boolean inAnImage = copied.stream()
                    .anyMatch(source -> !source.isEmpty()
                            && (hooks.equals(source)
                                    || hooks.startsWith(source + "/")
                                    || source.startsWith(hooks + "/")));
            if (inAnImage) {
                continue;
            }
            ci.hookScripts().forEach((name, where) -> {
                String script = hooks + "/" + name;
                if (!index.isFile(script)) {
                    return;
                }
                String of = image.isEmpty() ? "the root image" : image + "/";
                files.putIfAbsent(script, new Verdict(Causes.CI, "a build hook of " + of + " run by " + where));
                folders.putIfAbsent(
                        hooks + "/",
                        new Verdict(Causes.CI, "in " + hooks + "/, the build hooks of " + of + " run by " + where));
            });
        }
    }

    /**
     * The index of {@code revision}: the last one moved by the tree diff when the snapshot knows it
     * (and the repository has no submodules, which a diff names like files but a listing leaves
     * out), else a new listing.
     */
    private PathIndex indexAt(String revision) throws SnapshotException {
        if (indexRevision != null && lastIndex != null && !lastIndex.isFile(".gitmodules")) {
            Optional<List<FileChange>> diff = revision.equals(indexRevision)
                    ? Optional.of(List.of())
                    : snapshot.changesBetween(indexRevision, revision);
            if (diff.isPresent()) {
                lastIndex.apply(diff.get());
                for (FileChange change : diff.get()) {
                    texts.remove(change.path());
                    if (change.oldPath() != null) {
                        texts.remove(change.oldPath());
                    }
                }
                indexRevision = revision;
                lastPaths = null; // the index moved: a listing must not be taken for its own again
                return lastIndex;
            }
        }
        texts.clear();
        List<String> paths = snapshot.paths(revision);
        if (paths != lastPaths) {
            lastIndex = new PathIndex(paths);
            lastPaths = paths;
        }
        indexRevision = revision;
        return lastIndex;
    }

    /** The texts of {@code paths} at {@code revision} (the current index's), reading only those not known yet. */
    private Map<String, Optional<String>> textsOf(String revision, Collection<String> paths) throws SnapshotException {
        List<String> missing = new ArrayList<>();
        for (String path : paths) {
            if (!texts.containsKey(path)) {
                missing.add(path);
            }
        }
        if (!missing.isEmpty()) {
            texts.putAll(snapshot.readAll(revision, missing));
        }
        Map<String, Optional<String>> found = new LinkedHashMap<>();
        for (String path : paths) {
            found.put(path, texts.get(path));
        }
        return found;
    }

    /** True when each of {@code read} is still the text known for its path: none was changed since. */
    private boolean unchanged(Map<String, Optional<String>> read) {
        for (Map.Entry<String, Optional<String>> file : read.entrySet()) {
            if (texts.get(file.getKey()) != file.getValue()) {
                return false;
            }
        }
        return true;
    }

    private boolean sameIndex(PathIndex index, PathIndex then, int generation) {
        return index == then && index.generation() == generation;
    }

    private CiAnalyzer readCi(String revision, PathIndex index, Set<String> sources) throws SnapshotException {
        CiReading last = lastCi;
        if (last != null && sameIndex(index, last.index(), last.generation()) && unchanged(last.read())) {
            sources.addAll(last.sources());
            return last.ci();
        }
        ciAnalyses++;
        CiAnalyzer ci = new CiAnalyzer(index);
        Map<String, Optional<String>> read = new java.util.HashMap<>();
        List<String> wave = List.copyOf(index.ciFiles());
        while (!wave.isEmpty()) {
            sources.addAll(wave);
            List<String> next = new ArrayList<>();
            Map<String, Optional<String>> waveTexts = textsOf(revision, wave);
            read.putAll(waveTexts);
            for (Map.Entry<String, Optional<String>> file : waveTexts.entrySet()) {
                Optional<String> text = file.getValue();
                if (text.isPresent() && !text.get().contains("\0")) {
                    next.addAll(ci.read(file.getKey(), parsedFiles.ciFile(text.get())));
                }
            }
            wave = next.stream()
                    .distinct()
                    .filter(path -> !sources.contains(path))
                    .toList();
        }
        lastCi = new CiReading(index, index.generation(), read, ci, Set.copyOf(sources));
        return ci;
    }

    /** Parses every built Dockerfile, then learns from each, letting a RUN see what another image copied. */
    private Set<String> readDockerfiles(
            String revision,
            PathIndex index,
            CiAnalyzer ci,
            Set<String> built,
            Set<String> sources,
            Map<String, Verdict> files,
            Map<String, Verdict> copiedFiles,
            Map<String, List<DockerInstruction>> parsed)
            throws SnapshotException {
        Map<String, Optional<String>> read = textsOf(revision, built);
        DockerfileReading last = lastDockerfiles;
        if (last == null
                || !sameIndex(index, last.index(), last.generation())
                || !last.contexts().equals(orderedContexts(ci))
                || !last.built().equals(List.copyOf(built))
                || !unchanged(last.read())) {
            last = analyzeDockerfiles(index, ci, built, read);
            lastDockerfiles = last;
        }
        sources.addAll(last.sources());
        parsed.putAll(last.parsed());
        for (DockerfileFacts facts : last.facts()) {
            facts.verdicts().forEach(files::putIfAbsent);
            facts.copiedFiles().forEach(copiedFiles::putIfAbsent);
        }
        return last.copied();
    }

    private DockerfileReading analyzeDockerfiles(
            PathIndex index, CiAnalyzer ci, Set<String> built, Map<String, Optional<String>> read) {
        dockerfileAnalyses++;
        DockerfileAnalyzer analyzer = new DockerfileAnalyzer(index);
        List<DockerfileAnalyzer.Copy> allCopies = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        Map<String, List<DockerInstruction>> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, Optional<String>> file : read.entrySet()) {
            if (file.getValue().isEmpty()) {
                continue;
            }
            String dockerfile = file.getKey();
            sources.add(dockerfile);
            List<DockerInstruction> instructions =
                    parsedFiles.dockerfile(file.getValue().get());
            parsed.put(dockerfile, instructions);
            allCopies.addAll(analyzer.copies(dockerfile, instructions, contextsOf(ci, dockerfile)));
        }
        Set<String> copied = new LinkedHashSet<>();
        List<DockerfileFacts> allFacts = new ArrayList<>();
        for (Map.Entry<String, List<DockerInstruction>> dockerfile : parsed.entrySet()) {
            List<DockerfileAnalyzer.Copy> inherited = allCopies.stream()
                    .filter(copy -> !copy.dockerfile().equals(dockerfile.getKey()))
                    .toList();
            DockerfileFacts facts = analyzer.analyze(
                    dockerfile.getKey(), dockerfile.getValue(), contextsOf(ci, dockerfile.getKey()), inherited);
            allFacts.add(facts);
            copied.addAll(facts.copiedSources());
        }
        return new DockerfileReading(
                index,
                index.generation(),
                orderedContexts(ci),
                List.copyOf(built),
                read,
                sources,
                allFacts,
                parsed,
                java.util.Collections.unmodifiableSet(copied));
    }

    /** Each Dockerfile CI builds and its contexts, in CI's order: what the Dockerfiles' analysis reads of CI. */
    private static List<Object> orderedContexts(CiAnalyzer ci) {
        List<Object> contexts = new ArrayList<>();
        ci.builtDockerfiles().forEach((dockerfile, in) -> {
            contexts.add(dockerfile);
            contexts.add(List.copyOf(in));
        });
        return contexts;
    }

    private static Set<String> contextsOf(CiAnalyzer ci, String dockerfile) {
        return ci.builtDockerfiles().getOrDefault(dockerfile, Set.of());
    }

    /**
     * Dockerfiles CI names and those outside example, docs and test folders (a job configured
     * outside the repository may build them); the others are docs, and so is the example folder
     * that holds them.
     */
    private static Set<String> builtDockerfiles(
            PathIndex index, CiAnalyzer ci, Map<String, Verdict> files, Map<String, Verdict> folders) {
        Set<String> referenced = ci.builtDockerfiles().keySet();
        Set<String> built = new LinkedHashSet<>();
        Map<String, String> exampleFolders = new LinkedHashMap<>();
        for (String path : index.dockerfiles()) {
            String folder = RepoPaths.nonShippingFolder(path);
            if (folder == null || referenced.contains(path)) {
                built.add(path);
                continue;
            }
            files.put(path, new Verdict(Causes.DOCS, "not built by any CI file: under " + folder));
            if (!RepoPaths.isUnderTests(path)) {
                exampleFolders.putIfAbsent(topFolder(path, folder), path);
            }
        }
        exampleFolders.forEach((top, example) -> {
            if (built.stream().noneMatch(path -> path.startsWith(top))) {
                folders.put(
                        top,
                        new Verdict(Causes.DOCS, "under " + top + ", examples no CI file builds (" + example + ")"));
            }
        });
        return built;
    }

    /** The path prefix up to and including the non-shipping folder, e.g. {@code examples/}. */
    private static String topFolder(String path, String folder) {
        int at = ("/" + path).indexOf("/" + folder);
        return path.substring(0, at + folder.length());
    }

    /** The folder of CI tooling a run script lives in: its folder, widened to the top Python package. */
    private static String toolFolder(String file, PathIndex index) {
        String folder = RepoPaths.directoryOf(file);
        if (folder.isEmpty()) {
            return null;
        }
        String parent = RepoPaths.directoryOf(folder);
        while (!parent.isEmpty() && index.isFile(folder + "/__init__.py") && index.isFile(parent + "/__init__.py")) {
            folder = parent;
            parent = RepoPaths.directoryOf(folder);
        }
        String top = folder.contains("/") ? folder.substring(0, folder.indexOf('/')) : folder;
        return SOURCE_FOLDERS.contains(top.toLowerCase(Locale.ROOT)) ? null : folder;
    }

    private static boolean isCopiedExplicitly(String file, Set<String> copied) {
        return copied.stream()
                .anyMatch(source -> !source.isEmpty() && (file.equals(source) || file.startsWith(source + "/")));
    }

    private static boolean isCopied(String folder, Set<String> copied) {
        return copied.stream()
                .anyMatch(source -> source.isEmpty()
                        || folder.equals(source)
                        || folder.startsWith(source + "/")
                        || source.startsWith(folder + "/"));
    }

    private static boolean containsDockerfile(String folder, PathIndex index) {
        return index.filesUnder(folder).stream().anyMatch(RepoPaths::isDockerfile);
    }
}
