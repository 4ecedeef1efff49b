package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.infer.RepositorySnapshot;
import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.git.CatFileProcess.GitObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A local git repository read at any revision through one long-running {@code git cat-file
 * --batch}: trees are walked object by object (a subtree unchanged between revisions is read
 * once, by its id) and file contents are read the same way. Thread-safe; close it to end git.
 */
public final class GitRepositorySnapshot implements RepositorySnapshot, AutoCloseable {
    private static final int LISTINGS_KEPT = 8;
    private static final int SHAPES_KEPT = 1 << 16;
    private static final int SUBTREES_KEPT = 16_384;
    private static final int FILES_KEPT = 4096;
    private static final long PASSED_ON_BYTES = 32L << 20;
    /** What a text kept for the next pass costs besides its characters: its key, the entry, the optional. */
    private static final int PASSED_ON_ENTRY = 160;

    private static final int PREFETCHED_KEPT = 4096;
    private static final int LARGEST_TEXT = 4 * 1024 * 1024;
    /** How many steps ahead to look for a file's next changes, along a followed chain. */
    private static final int STEPS_AHEAD = 20_000;

    private final Path directory;
    private final GitCommand git;
    private final CatFileProcess catFile;
    /** The listings of recent shapes of the whole tree (see {@link #shapeOf}). */
    private final Map<Integer, List<String>> listings = lru(LISTINGS_KEPT);
    /** Each tree's shape number, and the number of each shape (names and kinds of everything below). */
    private final Map<String, Integer> shapes = lru(SUBTREES_KEPT);

    private final Map<String, Integer> shapeIds = new HashMap<>();

    private final Map<String, Optional<String>> blobs = lru(FILES_KEPT);
    private final Map<String, List<TreeEntry>> subtrees = lru(SUBTREES_KEPT);
    private final Map<String, Optional<String>> files;
    /**
     * Texts read by name ({@code REV:path}), kept for the next pass over the same revisions until it
     * takes them: the trigger pass reads every version of a CI file that the classification reads
     * again in the same order, and the LRU {@link #files} keeps only the last of them. Up to
     * {@value #PASSED_ON_BYTES} bytes, first come first kept; each taken out when read the second
     * time (a text read ahead is read the first time by the pass that read it ahead).
     */
    private final Map<String, Passed> passedOn = new HashMap<>();

    private long passedOnBytes;
    /** Root tree ids of prefetched revisions: listing one then needs no round trip when its subtrees are cached. */
    private final Map<String, String> rootTrees = lru(PREFETCHED_KEPT);

    /** The walked chain this snapshot follows, when it was given one: listings and diffs without trees. */
    private ChainListing chain;

    /** The clone's promisor remote when it is a partial clone; null until asked. */
    private Optional<PartialClone> partialClone;

    public GitRepositorySnapshot(Path directory) {
        this(directory, FILES_KEPT);
    }

    /** A snapshot keeping the last {@code filesKept} texts read (besides those passed on to the next pass). */
    GitRepositorySnapshot(Path directory, int filesKept) {
        this.directory = directory;
        this.git = new GitCommand(directory);
        this.catFile = new CatFileProcess(directory, git);
        this.files = lru(filesKept);
    }

    /** One entry of a tree object. */
    private record TreeEntry(String name, boolean tree, boolean submodule, String id) {}

    /** A text kept for the next pass, and whether this pass was given it yet. */
    private record Passed(Optional<String> text, boolean delivered) {}

    /**
     * Lets the snapshot answer for the revisions of a walked first-parent chain from the walk's
     * own diffs: {@link #changesBetween} along the chain, listings moved forward by diffs, and no
     * tree read ahead for them.
     */
    public synchronized GitRepositorySnapshot following(FirstParentHistory history) {
        this.chain = new ChainListing(history);
        return this;
    }

    @Override
    public synchronized Optional<List<FileChange>> changesBetween(String from, String to) {
        return chain == null ? Optional.empty() : chain.changesBetween(from, to);
    }

    /**
     * The listing of a revision: along a followed chain, the last listing moved by the diffs in
     * between; else from the trees (see {@link #listTrees}).
     */
    @Override
    public synchronized List<String> paths(String revision) throws SnapshotException {
        if (chain != null) {
            Optional<List<String>> moved = chain.paths(revision);
            if (moved.isPresent()) {
                return moved.get();
            }
        }
        List<String> listed = listTrees(revision);
        if (chain != null) {
            chain.restart(revision, listed);
        }
        return listed;
    }

    /**
     * The listing of a revision: its root tree's shape (the names and kinds of everything below
     * it, without contents) usually equals the last revision's, so the same list is returned
     * without walking the tree; only trees whose shape is not known yet are read and visited.
     */
    private List<String> listTrees(String revision) throws SnapshotException {
        if (shapeIds.size() >= SHAPES_KEPT) { // numbers must stay unique: start afresh, never within a listing
            shapeIds.clear();
            shapes.clear();
            listings.clear();
        }
        String rootId = rootTrees.get(revision);
        if (rootId == null || !subtrees.containsKey(rootId)) {
            GitObject root = catFile.object(revision + "^{tree}")
                    .orElseThrow(() -> new SnapshotException(
                            "cannot list " + revision + " in " + directory + ": no such revision"));
            entries(root.id(), root.content());
            rootId = root.id();
            rootTrees.put(revision, rootId);
        }
        fetchTreesOfUnknownShape(rootId);
        Integer shape = shapeOf(rootId);
        List<String> paths = listings.get(shape);
        if (paths == null) {
            paths = walk(rootId).keySet().stream().sorted().toList();
            listings.put(shape, paths);
        }
        return paths;
    }

    @Override
    public synchronized Optional<String> read(String revision, String path) throws SnapshotException {
        String key = revision + ":" + path;
        Optional<String> text = files.get(key);
        Optional<String> passed = deliver(key);
        if (text == null && passed != null) {
            text = passed;
            files.put(key, text); // read now: one of the last texts read, for a pass that reads it again soon
        }
        if (text == null) {
            String rootId = rootTrees.get(revision);
            Optional<String> blob = rootId == null ? null : cachedBlob(rootId, path);
            if (blob == null) {
                if (path.indexOf('\n') >= 0) {
                    text = Optional.empty();
                } else {
                    text = readByName(revision, List.of(path)).get(path);
                }
            } else if (blob.isEmpty()) {
                text = Optional.empty(); // no such file, known without asking git
            } else {
                text = blobs.get(blob.get());
                if (text == null) {
                    fetchMissing(List.of(blob.get()), List.of(rootId));
                    text = textOf(catFile.object(blob.get()));
                    blobs.put(blob.get(), text);
                }
            }
            files.put(key, text);
        }
        return text;
    }

    /** Like {@link #read} for each path, but the blobs not cached yet come in one batch once the revision is listed. */
    @Override
    public synchronized Map<String, Optional<String>> readAll(String revision, Collection<String> paths)
            throws SnapshotException {
        String rootId = rootTrees.get(revision);
        if (rootId == null) {
            return readByName(revision, paths);
        }
        List<String> missing = new ArrayList<>();
        for (String path : paths) {
            if (!files.containsKey(revision + ":" + path)) {
                Optional<String> blob = cachedBlob(rootId, path);
                if (blob != null
                        && blob.isPresent()
                        && !blobs.containsKey(blob.get())
                        && !missing.contains(blob.get())) {
                    missing.add(blob.get());
                }
            }
        }
        fetchMissing(missing, List.of(rootId));
        for (GitObject blob : catFile.objects(missing)) {
            blobs.put(blob.id(), textOf(Optional.of(blob)));
        }
        Map<String, Optional<String>> texts = new LinkedHashMap<>();
        for (String path : paths) {
            texts.put(path, read(revision, path));
        }
        return texts;
    }

    /**
     * Reads {@code paths} at {@code revision} by name ({@code REV:path}) in one batch, without
     * reading any tree; along a followed chain, with what is worth reading ahead (see {@link #readsAhead}).
     */
    private Map<String, Optional<String>> readByName(String revision, Collection<String> paths)
            throws SnapshotException {
        Set<String> names = new LinkedHashSet<>();
        Map<String, String> sameAs = new LinkedHashMap<>();
        int perPath = Math.max(
                0, CatFileProcess.BATCH / Math.max(1, paths.size()) - 1); // one batch in all, for the cache to hold
        for (String path : paths) {
            String key = revision + ":" + path;
            if (!isKept(key) && path.indexOf('\n') < 0 && !names.contains(key)) {
                ChainListing.ReadAhead ahead = readsAhead(revision, path, perPath);
                names.addAll(ahead.asked());
                ahead.sameAs().forEach(sameAs::putIfAbsent);
            }
        }
        names.removeIf(this::isKept);
        List<String> asked = List.copyOf(names);
        List<Optional<GitObject>> found = catFile.lookup(asked);
        Map<String, Optional<String>> read = new HashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            read.put(asked.get(i), textOf(found.get(i)));
        }
        sameAs.forEach((name, source) -> {
            Optional<String> text = read.containsKey(source) ? read.get(source) : files.get(source);
            if (text != null && !read.containsKey(name)) {
                read.put(name, text);
            }
        });
        // the texts asked for go in last, so the batch never pushes them out of the cache
        read.forEach((name, text) -> {
            if (!names.contains(name)) {
                files.put(name, text);
            }
            passOn(name, text);
        });
        for (String name : asked) {
            files.put(name, read.get(name));
        }
        Map<String, Optional<String>> texts = new LinkedHashMap<>();
        for (String path : paths) {
            String key = revision + ":" + path;
            Optional<String> text = read.get(key);
            if (text == null) {
                text = files.get(key);
            }
            if (text != null) {
                deliver(key);
            }
            texts.put(path, text != null ? text : path.indexOf('\n') >= 0 ? Optional.empty() : read(revision, path));
        }
        return texts;
    }

    /**
     * What to read with {@code revision:path}: along a followed chain of a full clone, also the
     * path at its next changes, and the texts that gives of the revisions before them (see
     * {@link ChainListing#readsAhead}), so a reader going forward finds them cached instead of
     * asking git one round trip at a time. A partial clone reads only what is asked: each read
     * there may fetch over the network.
     */
    private ChainListing.ReadAhead readsAhead(String revision, String path, int changes) throws SnapshotException {
        ChainListing.ReadAhead alone = new ChainListing.ReadAhead(List.of(revision + ":" + path), Map.of());
        if (chain == null || isPartialClone()) {
            return alone;
        }
        return chain.readsAhead(revision, path, changes, STEPS_AHEAD).orElse(alone);
    }

    /** Whether the text named {@code key} ({@code REV:path}) is at hand, read before. */
    private boolean isKept(String key) {
        return files.containsKey(key) || passedOn.containsKey(key);
    }

    /**
     * Takes texts read elsewhere, by {@code REV:path}, as if read by name: the next pass finds them
     * without asking git, while the room for texts passed on lasts. They must be the texts of those
     * revisions, such as those read along the walk ({@link FirstParentHistory#takeTextsReadAlong}).
     */
    public synchronized void passOn(Map<String, String> texts) {
        texts.forEach((key, text) -> {
            if (!isKept(key)) {
                passOn(key, Optional.of(text));
            }
        });
    }

    /** Keeps a text read by name for the next pass, while the room for them lasts. */
    private void passOn(String key, Optional<String> text) {
        long size = PASSED_ON_ENTRY + text.map(String::length).orElse(0);
        if (passedOnBytes + size <= PASSED_ON_BYTES && passedOn.putIfAbsent(key, new Passed(text, false)) == null) {
            passedOnBytes += size;
        }
    }

    /**
     * The text named {@code key} kept for the next pass, null when none is: the first time it is
     * read it stays (this pass read it, maybe ahead), the second time it is taken out.
     */
    private Optional<String> deliver(String key) {
        Passed passed = passedOn.get(key);
        if (passed == null) {
            return null;
        }
        if (passed.delivered()) {
            passedOn.remove(key);
            passedOnBytes -= PASSED_ON_ENTRY + passed.text().map(String::length).orElse(0);
        } else {
            passedOn.put(key, new Passed(passed.text(), true));
        }
        return passed.text();
    }

    /** True for a partial clone, whose missing contents come over the network when read. */
    public synchronized boolean isPartialClone() throws SnapshotException {
        try {
            if (partialClone == null) {
                partialClone = PartialClone.of(git);
            }
            return partialClone.isPresent();
        } catch (HarvestException e) {
            throw new SnapshotException(e.getMessage(), e);
        }
    }

    /** Reads, level by level and in batches, the trees under {@code rootId} that have no known shape yet. */
    private void fetchTreesOfUnknownShape(String rootId) throws SnapshotException {
        List<String> level = List.of(rootId);
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String id : level) {
                List<TreeEntry> entries = subtrees.get(id);
                if (entries == null || shapes.containsKey(id)) {
                    continue;
                }
                for (TreeEntry entry : entries) {
                    if (entry.tree() && !shapes.containsKey(entry.id())) {
                        next.add(entry.id());
                        if (!subtrees.containsKey(entry.id())) {
                            unknown.add(entry.id());
                        }
                    }
                }
            }
            for (GitObject subtree : catFile.objects(unknown.stream().distinct().toList())) {
                entries(subtree.id(), subtree.content());
            }
            level = next;
        }
    }

    /** A number for the names and kinds of everything under tree {@code id}: equal numbers, equal listings. */
    private Integer shapeOf(String id) throws SnapshotException {
        Integer shape = shapes.get(id);
        if (shape != null) {
            return shape;
        }
        List<TreeEntry> entries = subtrees.get(id);
        if (entries == null) { // pushed out of the cache meanwhile: ask again
            entries = entries(id, catFile.objects(List.of(id)).get(0).content());
        }
        StringBuilder key = new StringBuilder();
        for (TreeEntry entry : entries) {
            key.append(entry.name()).append('\0');
            if (entry.tree()) {
                key.append('T').append(shapeOf(entry.id()));
            } else {
                key.append(entry.submodule() ? 'S' : 'F');
            }
            key.append('\n');
        }
        shape = shapeIds.computeIfAbsent(key.toString(), k -> shapeIds.size());
        shapes.put(id, shape);
        return shape;
    }

    /** The text of a blob cat-file gave, empty for anything else or a blob too large to read as text. */
    static Optional<String> textOf(Optional<GitObject> object) {
        return object.filter(found -> found.type().equals("blob") && found.content().length <= LARGEST_TEXT)
                .map(found -> new String(found.content(), StandardCharsets.UTF_8));
    }

    /**
     * Lists all {@code revisions} and reads their files that {@code wanted} accepts in a few
     * batches instead of several round trips per revision: every root tree in one batch, then each
     * level of subtrees not cached yet, then the blobs not cached yet. Stops early, without
     * failing, once it would push out what it fetched (the rest is then read on demand); a
     * revision git does not know is left for {@link #paths} to report.
     */
    @Override
    public synchronized void prefetch(Collection<String> revisions, Predicate<String> wanted) throws SnapshotException {
        List<String> unknown = revisions.stream()
                .distinct()
                .filter(revision -> !rootTrees.containsKey(revision))
                // a followed chain's revisions are listed from diffs and read by name: no tree to read ahead
                .filter(revision -> chain == null
                        || chain.changesBetween(revision, revision).isEmpty())
                .toList();
        List<String> names =
                unknown.stream().map(revision -> revision + "^{tree}").toList();
        List<Optional<GitObject>> roots = catFile.lookup(names);
        int fetched = 0;
        List<Pending> level = new ArrayList<>();
        for (int i = 0; i < unknown.size(); i++) {
            Optional<GitObject> root = roots.get(i);
            if (root.isPresent() && root.get().type().equals("tree")) {
                rootTrees.put(unknown.get(i), root.get().id());
                entries(root.get().id(), root.get().content());
                level.add(new Pending(root.get().id(), ""));
                fetched++;
            }
        }
        // each distinct tree once, at the first path it was met at: the wanted files' blobs of all revisions
        Set<String> seen = new HashSet<>();
        Set<String> blobsWanted = new LinkedHashSet<>();
        while (!level.isEmpty()) {
            List<Pending> next = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Pending tree : level) {
                List<TreeEntry> entries = subtrees.get(tree.id());
                if (entries == null) {
                    continue;
                }
                for (TreeEntry entry : entries) {
                    if (entry.tree()) {
                        if (seen.add(entry.id())) {
                            next.add(new Pending(entry.id(), tree.prefix() + entry.name() + "/"));
                            if (!subtrees.containsKey(entry.id())) {
                                missing.add(entry.id());
                            }
                        }
                    } else if (!entry.submodule()
                            && !blobs.containsKey(entry.id())
                            && wanted.test(tree.prefix() + entry.name())) {
                        blobsWanted.add(entry.id());
                    }
                }
            }
            fetched += missing.size();
            if (fetched >= SUBTREES_KEPT / 2) {
                break; // more trees than the cache holds: list the rest on demand
            }
            for (GitObject subtree : catFile.objects(missing)) {
                entries(subtree.id(), subtree.content());
            }
            level = next;
        }
        List<String> toRead = blobsWanted.stream().limit(FILES_KEPT / 2).toList();
        fetchMissing(
                toRead,
                revisions.stream().map(rootTrees::get).filter(Objects::nonNull).toList());
        for (GitObject blob : catFile.objects(toRead)) {
            blobs.put(blob.id(), textOf(Optional.of(blob)));
        }
    }

    /**
     * The blob id of {@code path} in the tree {@code rootId}, found through cached trees only:
     * null when a tree on the way is not cached, empty when the path names no file there.
     */
    private Optional<String> cachedBlob(String rootId, String path) {
        String treeId = rootId;
        int start = 0;
        while (true) {
            List<TreeEntry> entries = subtrees.get(treeId);
            if (entries == null) {
                return null;
            }
            int slash = path.indexOf('/', start);
            String name = slash < 0 ? path.substring(start) : path.substring(start, slash);
            TreeEntry found = null;
            for (TreeEntry entry : entries) {
                if (entry.name().equals(name)) {
                    found = entry;
                    break;
                }
            }
            if (found == null) {
                return Optional.empty();
            }
            if (slash < 0) {
                return found.tree() || found.submodule() ? Optional.empty() : Optional.of(found.id());
            }
            if (!found.tree()) {
                return Optional.empty();
            }
            treeId = found.id();
            start = slash + 1;
        }
    }

    /**
     * In a partial clone, fetches those of {@code blobIds} it lacks in one go before cat-file
     * reads them (it would fetch each alone); {@code trees} hold them. Nothing in a full clone.
     */
    private void fetchMissing(List<String> blobIds, List<String> trees) throws SnapshotException {
        if (blobIds.isEmpty() || trees.isEmpty()) {
            return;
        }
        try {
            if (partialClone == null) {
                partialClone = PartialClone.of(git);
            }
            if (partialClone.isPresent()) {
                partialClone.get().fetchMissing(blobIds, trees);
            }
        } catch (HarvestException e) {
            throw new SnapshotException(
                    "cannot fetch missing files of the partial clone " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * In a partial clone, fetches the files {@code wanted} accepts at all {@code revisions} that
     * the clone lacks, in one fetch (or a few for very many), before anything reads them one by
     * one; the contents are left to git, not cached here. Nothing in a full clone. Returns how
     * many blobs it fetched.
     */
    public synchronized int fetchMissing(Collection<String> revisions, Predicate<String> wanted)
            throws SnapshotException {
        try {
            if (partialClone == null) {
                partialClone = PartialClone.of(git);
            }
        } catch (HarvestException e) {
            throw new SnapshotException(e.getMessage(), e);
        }
        if (partialClone.isEmpty() || revisions.isEmpty()) {
            return 0;
        }
        List<String> names =
                revisions.stream().distinct().map(r -> r + "^{tree}").toList();
        List<String> roots = new ArrayList<>();
        List<Pending> level = new ArrayList<>();
        for (Optional<GitObject> root : catFile.lookup(names)) {
            if (root.isPresent() && root.get().type().equals("tree")) {
                roots.add(root.get().id());
                level.add(new Pending(root.get().id(), ""));
                entries(root.get().id(), root.get().content());
            }
        }
        // each distinct tree once: its entries parsed here, whatever the cache keeps
        Map<String, List<TreeEntry>> trees = new HashMap<>();
        for (String root : roots) {
            trees.put(root, subtrees.get(root));
        }
        Set<String> seen = new HashSet<>(roots);
        Set<String> blobIds = new LinkedHashSet<>();
        while (!level.isEmpty()) {
            List<Pending> next = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (Pending tree : level) {
                for (TreeEntry entry : trees.getOrDefault(tree.id(), List.of())) {
                    if (entry.tree()) {
                        if (seen.add(entry.id())) {
                            next.add(new Pending(entry.id(), tree.prefix() + entry.name() + "/"));
                            List<TreeEntry> cached = subtrees.get(entry.id());
                            if (cached == null) {
                                unknown.add(entry.id());
                            } else {
                                trees.put(entry.id(), cached);
                            }
                        }
                    } else if (!entry.submodule() && wanted.test(tree.prefix() + entry.name())) {
                        blobIds.add(entry.id());
                    }
                }
            }
            for (GitObject subtree : catFile.objects(unknown)) {
                trees.put(subtree.id(), entries(subtree.id(), subtree.content()));
            }
            level = next;
        }
        try {
            return partialClone.get().fetchMissing(blobIds, roots);
        } catch (HarvestException e) {
            throw new SnapshotException(
                    "cannot fetch missing files of the partial clone " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Fetches run to bring in the blobs of a partial clone in batches (none in a full clone). */
    public synchronized int fetchesRun() {
        return partialClone == null || partialClone.isEmpty()
                ? 0
                : partialClone.get().fetches();
    }

    /** Objects asked of git so far (trees and blobs), to see what the caches save. */
    public synchronized long objectsRead() {
        return catFile.objectsRead();
    }

    /** Time spent waiting for and reading git's answers so far, in milliseconds. */
    public synchronized long millisAnswering() {
        return catFile.nanosAnswering() / 1_000_000;
    }

    /** Requests written to git and waited for so far (one per batch), to check that reads are batched. */
    public synchronized long roundTrips() {
        return catFile.roundTrips();
    }

    /** Git processes started so far: one cat-file for the snapshot's life, to check that caching works. */
    public synchronized int gitProcessesStarted() {
        return catFile.processesStarted();
    }

    @Override
    public synchronized void close() {
        catFile.close();
    }

    /** A tree to list, under a path prefix. */
    private record Pending(String id, String prefix) {}

    /**
     * Every file under {@code root} with its blob id, level by level: the subtrees of one level
     * that are not cached yet are asked for in one batch, so a listing costs a few round trips.
     */
    private Map<String, String> walk(String rootId) throws SnapshotException {
        Map<String, String> files = new LinkedHashMap<>();
        List<Pending> level = List.of(new Pending(rootId, ""));
        while (!level.isEmpty()) {
            List<Pending> next = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (Pending tree : level) {
                List<TreeEntry> entries = subtrees.get(tree.id());
                if (entries == null) { // evicted while this walk ran: ask again
                    entries = entries(
                            tree.id(),
                            catFile.objects(List.of(tree.id())).get(0).content());
                }
                for (TreeEntry entry : entries) {
                    if (entry.tree()) {
                        next.add(new Pending(entry.id(), tree.prefix() + entry.name() + "/"));
                        if (!subtrees.containsKey(entry.id())) {
                            unknown.add(entry.id());
                        }
                    } else if (!entry.submodule()) {
                        files.put(tree.prefix() + entry.name(), entry.id());
                    }
                }
            }
            for (GitObject subtree : catFile.objects(unknown)) {
                entries(subtree.id(), subtree.content());
            }
            level = next;
        }
        return files;
    }

    /** The entries of tree {@code id}, parsed from {@code content} unless known already. */
    private List<TreeEntry> entries(String id, byte[] content) throws SnapshotException {
        List<TreeEntry> known = subtrees.get(id);
        if (known != null) {
            return known;
        }
        if (content == null) {
            throw new SnapshotException("tree " + id + " is missing in " + directory);
        }
        int idBytes = id.length() / 2;
        List<TreeEntry> entries = new ArrayList<>();
        int at = 0;
        while (at < content.length) {
            int space = indexOf(content, (byte) ' ', at);
            int nul = indexOf(content, (byte) 0, space);
            if (space < 0 || nul < 0 || nul + 1 + idBytes > content.length) {
                throw new SnapshotException("malformed tree " + id + " in " + directory);
            }
            String mode = new String(content, at, space - at, StandardCharsets.US_ASCII);
            String name = new String(content, space + 1, nul - space - 1, StandardCharsets.UTF_8);
            String entryId = HexFormat.of().formatHex(content, nul + 1, nul + 1 + idBytes);
            entries.add(new TreeEntry(name, mode.equals("40000"), mode.equals("160000"), entryId));
            at = nul + 1 + idBytes;
        }
        List<TreeEntry> parsed = List.copyOf(entries);
        subtrees.put(id, parsed);
        return parsed;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        if (from < 0) {
            return -1;
        }
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
