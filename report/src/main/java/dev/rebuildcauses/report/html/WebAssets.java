package dev.rebuildcauses.report.html;

import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.report.chart.CausePalette;
import dev.rebuildcauses.report.view.CauseBadge;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The static assets the report, the dashboard and the plugin share (the top-level {@code webapp/}
 * folder, packaged under {@code dev/rebuildcauses/webapp/}), and the cause colours as CSS.
 */
public final class WebAssets {
    /** Where the shared assets are on the class path. */
    public static final String ROOT = "dev/rebuildcauses/webapp/static/";

    public static final String STYLESHEET = "rebuild-causes.css";
    public static final String SCRIPT = "rebuild-causes.js";

    private static final List<String> KNOWN_CAUSES = List.of(
            Causes.CODE,
            Causes.ENVIRONMENT,
            Causes.DEPENDENCIES,
            Causes.CI,
            Causes.DOCS,
            Causes.CONFIG,
            Causes.OTHER,
            Causes.EMPTY_COMMIT,
            Causes.NO_NEW_COMMIT,
            Causes.FIRST_BUILD,
            Causes.UNKNOWN_RANGE);

    private WebAssets() {}

    /** The text of a shared asset, e.g. {@link #STYLESHEET}. */
    public static String text(String name) {
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("missing asset " + ROOT + name + " (is webapp/ packaged?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read asset " + ROOT + name, e);
        }
    }

    /** One CSS rule per cause setting {@code --cause} to its colour: the known causes and {@code extra}. */
    public static String causeColors(Collection<String> extra) {
        TreeSet<String> causes = new TreeSet<>(KNOWN_CAUSES);
        causes.addAll(extra);
        StringBuilder css = new StringBuilder();
        for (String cause : causes) {
            css.append('.')
                    .append(CauseBadge.cssClass(cause))
                    .append("{--cause:")
                    .append(CausePalette.hex(cause))
                    .append("}\n");
        }
        return css.toString();
    }
}
