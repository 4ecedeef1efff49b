package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.report.view.CauseBadge;
import java.util.List;

/**
 * The jobs table: every job the filters let through, one page of them, with the links that sort, page
 * and download it.
 *
 * @param query the filters, order and page shown
 * @param matching how many jobs the filters let through
 * @param rows the jobs on this page
 * @param columns the sortable columns with the link that orders by each
 * @param causes the causes the hours-by-cause cells show, in order
 * @param folders the top folders, to filter by
 * @param pages links to the other pages
 * @param windows links to common time windows (last 30, 90, 365 days, all)
 * @param csvHref every matching job as jobs.csv
 */
public record JobsPage(
        PageFrame frame,
        JobsQuery query,
        int matching,
        List<Row> rows,
        List<PageLink> columns,
        List<CauseBadge> causes,
        List<String> folders,
        List<PageLink> pages,
        List<PageLink> windows,
        String csvHref) {
    public JobsPage {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        causes = List.copyOf(causes);
        folders = List.copyOf(folders);
        pages = List.copyOf(pages);
        windows = List.copyOf(windows);
    }

    /**
     * One job; figures formatted as jobs.csv, causes.csv and advice.csv format them.
     *
     * @param hoursByCause the job's hours for each of the page's causes, empty where it has none
     * @param codeAlone builds that changed only code / builds that changed code, as a percentage
     * @param cadenceDays mean days between environment changes
     * @param bestAdvice the kind of the job's best advice, empty without
     * @param saving its saving in build hours a month
     */
    public record Row(
            String job,
            String href,
            long builds,
            String hours,
            List<String> hoursByCause,
            String codeAlone,
            long environmentChanges,
            String cadenceDays,
            String bestAdvice,
            String saving) {
        public Row {
            hoursByCause = List.copyOf(hoursByCause);
        }
    }
}
