package dev.rebuildcauses.app.bench;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import dev.rebuildcauses.analysis.synthetic.SyntheticHistory;
import dev.rebuildcauses.report.pages.BuildRangeException;
import dev.rebuildcauses.report.pages.BuildRanges;
import dev.rebuildcauses.report.pages.ReportIndex;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
import dev.rebuildcauses.report.pipeline.JobHistories;
import dev.rebuildcauses.report.pipeline.Report;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import dev.rebuildcauses.report.pipeline.SourceException;
import dev.rebuildcauses.service.RefreshException;
import dev.rebuildcauses.service.ReportSource;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The benchmark's store: a synthetic history written to a file as it is generated (each build with its
 * range), then analysed by the report pipeline job by job from there, as a store is read; the server reads
 * one build's commits and files from the file (one positioned read) instead of keeping them all in memory.
 */
final class SyntheticSource implements ReportSource {
    private static final RangeStatus[] STATUSES = RangeStatus.values();
    private static final ChangeKind[] KINDS = ChangeKind.values();

    private final int builds;
    private final long seed;
    private final Path file;
    private final Map<String, Offsets> offsets = new HashMap<>();
    private FileChannel channel;

    SyntheticSource(int builds, long seed, Path file) {
        this.builds = builds;
        this.seed = seed;
        this.file = file;
    }

    /**
     * The whole history analysed at once, listed job by job (jobs by name, each job's builds as generated),
     * as a store lists it; {@link #index} gives the same index without holding it all.
     */
    @Override
    public synchronized Report read() throws RefreshException {
        try {
            JobHistories history = spool();
            List<BuildChanges> all = new ArrayList<>(builds);
            for (String job : history.jobs()) {
                all.addAll(history.builds(job));
            }
            return pipeline().analyse(all);
        } catch (IOException | SourceException e) {
            throw new RefreshException("cannot analyse the synthetic history: " + e.getMessage(), e);
        }
    }

    /** The history analysed job by job from the file it was spooled to: one job's commits and files at a time. */
    @Override
    public synchronized ReportIndex index(BuildExplainer explainer) throws RefreshException {
        try {
            return ReportIndex.byJob(pipeline(), spool(), explainer, this::range);
        } catch (IOException | SourceException e) {
            throw new RefreshException("cannot analyse the synthetic history: " + e.getMessage(), e);
        }
    }

    private static ReportPipeline pipeline() {
        return ReportPipeline.of(RuleSet.defaults()).advising(job -> List.of(), AdvisorSettings.defaults());
    }

    @Override
    public Optional<BuildRanges> ranges() {
        return Optional.of(this::range);
    }

    private Optional<ChangeRange> range(Build build) throws BuildRangeException {
        Offsets job;
        FileChannel open;
        synchronized (this) {
            job = offsets.get(build.job());
            open = channel;
        }
        long at = job == null ? -1 : job.find(build.number());
        if (at < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(record(open, at).range());
        } catch (IOException e) {
            throw new BuildRangeException(
                    "cannot read the range of " + build.job() + " #" + build.number() + " from " + file + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** The build (with its range) written at {@code at}. */
    private static BuildChanges record(FileChannel channel, long at) throws IOException {
        ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
        readFully(channel, length, at);
        ByteBuffer record = ByteBuffer.allocate(length.flip().getInt());
        readFully(channel, record, at + Integer.BYTES);
        record.flip();
        Build build = decodeBuild(record);
        return new BuildChanges(build, decode(record));
    }

    /**
     * Generates the history one build at a time straight into the file (each build and its range, with
     * where each job's builds start), so the whole history is never in memory; returns it by job.
     */
    private JobHistories spool() throws IOException {
        if (channel != null) {
            channel.close();
        }
        offsets.clear();
        long[] position = {0};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            DataOutputStream record = new DataOutputStream(bytes);
            DataOutputStream length = new DataOutputStream(out);
            IOException[] failed = {null};
            SyntheticHistory.generate(builds, seed, build -> {
                if (failed[0] != null) {
                    return;
                }
                try {
                    bytes.reset();
                    encodeBuild(build.build(), record);
                    encode(build.range(), record);
                    record.flush();
                    offsets.computeIfAbsent(build.build().job(), job -> new Offsets())
                            .add(build.build().number(), position[0]);
                    length.writeInt(bytes.size());
                    bytes.writeTo(out);
                    position[0] += Integer.BYTES + bytes.size();
                } catch (IOException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
        }
        channel = FileChannel.open(file, StandardOpenOption.READ);
        FileChannel spooled = channel;
        return new JobHistories() {
            @Override
            public List<String> jobs() {
                return List.copyOf(new TreeSet<>(offsets.keySet())); // by name, as a store lists them
            }

            @Override
            public List<BuildChanges> builds(String job) throws SourceException {
                Offsets at = offsets.get(job);
                List<BuildChanges> read = new ArrayList<>(at.size);
                try {
                    for (int i = 0; i < at.size; i++) {
                        read.add(record(spooled, at.positions[i]));
                    }
                } catch (IOException e) {
                    throw new SourceException(new IOException(
                            "cannot read the builds of " + job + " back from " + file + ": " + e.getMessage(), e));
                }
                return read;
            }
        };
    }

    private static void encodeBuild(Build build, DataOutputStream out) throws IOException {
        text(out, build.job());
        out.writeLong(build.number());
        out.writeLong(build.startedAt().getEpochSecond());
        out.writeInt(build.startedAt().getNano());
        out.writeBoolean(build.duration() != null);
        if (build.duration() != null) {
            out.writeLong(build.duration().toNanos());
        }
        text(out, build.result());
        text(out, build.trigger());
        text(out, build.revision());
        text(out, build.branch());
    }

    private static Build decodeBuild(ByteBuffer in) {
        String job = text(in);
        long number = in.getLong();
        Instant started = Instant.ofEpochSecond(in.getLong(), in.getInt());
        Duration duration = in.get() != 0 ? Duration.ofNanos(in.getLong()) : null;
        return new Build(job, number, started, duration, text(in), text(in), text(in), text(in));
    }

    private static void encode(ChangeRange range, DataOutputStream out) throws IOException {
        out.writeByte(range.status().ordinal());
        text(out, range.fromRevision());
        text(out, range.toRevision());
        text(out, range.problem());
        out.writeInt(range.commits().size());
        for (Commit commit : range.commits()) {
            text(out, commit.id());
            out.writeInt(commit.parents().size());
            for (String parent : commit.parents()) {
                text(out, parent);
            }
            text(out, commit.author());
            out.writeBoolean(commit.time() != null);
            if (commit.time() != null) {
                out.writeLong(commit.time().getEpochSecond());
                out.writeInt(commit.time().getNano());
            }
            text(out, commit.message());
            out.writeInt(commit.filesChanged());
        }
        out.writeInt(range.files().size());
        for (FileChange change : range.files()) {
            out.writeByte(change.kind().ordinal());
            text(out, change.path());
            text(out, change.oldPath());
        }
    }

    private static ChangeRange decode(ByteBuffer in) {
        RangeStatus status = STATUSES[in.get()];
        String from = text(in);
        String to = text(in);
        String problem = text(in);
        List<Commit> commits = new ArrayList<>();
        for (int c = in.getInt(); c > 0; c--) {
            String id = text(in);
            List<String> parents = new ArrayList<>();
            for (int p = in.getInt(); p > 0; p--) {
                parents.add(text(in));
            }
            String author = text(in);
            Instant time = in.get() != 0 ? Instant.ofEpochSecond(in.getLong(), in.getInt()) : null;
            commits.add(new Commit(id, parents, author, time, text(in), in.getInt()));
        }
        List<FileChange> files = new ArrayList<>();
        for (int f = in.getInt(); f > 0; f--) {
            files.add(new FileChange(KINDS[in.get()], text(in), text(in)));
        }
        return new ChangeRange(status, from, to, commits, files, problem);
    }

    /** A text, {@code null} included: its UTF-8 length (-1 for null), then its bytes. */
    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("the file ends at " + at);
            }
            at += read;
        }
    }

    /** One job's build numbers (in the order generated, which is ascending) and where their ranges start. */
    private static final class Offsets {
        private long[] numbers = new long[64];
        private long[] positions = new long[64];
        private int size;

        void add(long number, long position) {
            if (size == numbers.length) {
                numbers = Arrays.copyOf(numbers, size * 2);
                positions = Arrays.copyOf(positions, size * 2);
            }
            numbers[size] = number;
            positions[size] = position;
            size++;
        }

        long find(long number) {
            int at = Arrays.binarySearch(numbers, 0, size, number);
            return at < 0 ? -1 : positions[at];
        }
    }
}
