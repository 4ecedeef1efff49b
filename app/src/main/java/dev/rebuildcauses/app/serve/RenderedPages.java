package dev.rebuildcauses.app.serve;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rendered bytes of one snapshot's pages, by request: a page that depends only on the snapshot and its
 * parameters is rendered once per snapshot, then every request for it is a copy of bytes. Bounded, so odd
 * parameters cannot grow it without end: once full, further pages are rendered per request, as before.
 */
final class RenderedPages {
    /** At most this many pages are kept per snapshot (each a few to a few hundred kilobytes). */
    static final int MAX_PAGES = 1_024;

    private final Map<String, PageBytes> pages = new ConcurrentHashMap<>();

    /** Renders a page's bytes. */
    @FunctionalInterface
    interface Renderer {
        byte[] render() throws Exception;
    }

    /** The bytes of the page {@code key} names, rendered now if this snapshot has not rendered it yet. */
    PageBytes get(String key, Renderer renderer) throws Exception {
        PageBytes known = pages.get(key);
        if (known != null) {
            return known;
        }
        PageBytes fresh = new PageBytes(renderer.render());
        if (pages.size() < MAX_PAGES) {
            PageBytes raced = pages.putIfAbsent(key, fresh);
            return raced == null ? fresh : raced;
        }
        return fresh;
    }

    /** How many pages are kept. */
    int size() {
        return pages.size();
    }

    /** The request's path and its parameters in a canonical order: two requests for the same page share it. */
    static String key(Context ctx) {
        StringBuilder key = new StringBuilder(ctx.path());
        for (Map.Entry<String, List<String>> parameter : new TreeMap<>(ctx.queryParamMap()).entrySet()) {
            for (String value : parameter.getValue()) {
                key.append('\n').append(parameter.getKey()).append('=').append(value);
            }
        }
        return key.toString();
    }
}
