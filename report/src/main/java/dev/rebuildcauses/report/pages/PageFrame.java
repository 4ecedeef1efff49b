package dev.rebuildcauses.report.pages;

/**
 * What every dashboard page shows around its content.
 *
 * @param title the page's heading and window title
 * @param section which navigation entry is current: {@code overview}, {@code jobs} or {@code causes}
 * @param freshness when the data was last harvested and read, in words
 * @param overviewHref the overview's address
 * @param jobsHref the jobs table's address
 * @param apiHref the JSON behind this page
 * @param stylesheetHref the shared stylesheet
 * @param causeColorsHref the stylesheet giving each cause its colour
 * @param scriptHref the shared script (sorting), optional for the page to work
 */
public record PageFrame(
        String title,
        String section,
        String freshness,
        String overviewHref,
        String jobsHref,
        String apiHref,
        String stylesheetHref,
        String causeColorsHref,
        String scriptHref) {}
