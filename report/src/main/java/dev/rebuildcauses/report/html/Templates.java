package dev.rebuildcauses.report.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import java.util.Map;

/**
 * The compiled templates of the report and the pages (under {@code report/src/main/jte}, compiled at
 * build time, HTML-escaped by context). One engine for every host.
 */
public final class Templates {
    private static final String PACKAGE = "dev.rebuildcauses.report.templates";
    private static final TemplateEngine ENGINE =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

    private Templates() {}

    /** Renders {@code name} (e.g. {@code report/page.jte}) with its parameters into {@code output}. */
    public static void render(String name, Map<String, Object> parameters, TemplateOutput output) {
        ENGINE.render(name, parameters, output);
    }
}
