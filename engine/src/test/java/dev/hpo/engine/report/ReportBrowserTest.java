package dev.hpo.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens a 2,000-job dashboard in headless Chromium: every chart drew on its canvas, the table holds
 * every training job, a hyperparameter named like an HTML tag stays text, and a screenshot is kept in
 * target/ for people to look at. Skipped only where chromium or chromedriver is not installed
 * (.ci/run installs both).
 */
class ReportBrowserTest {
    static final int JOBS = 2000;
    static final String LONG_NAME = "<b>maximum_depth_of_every_tree_in_the_boosted_ensemble</b>";

    @TempDir
    Path directory;

    @Test
    void chartsRenderTheTableHoldsEveryJobAndNamesStayText() throws Exception {
        Optional<Path[]> binaries = HeadlessChromium.binaries();
        Assumptions.assumeTrue(binaries.isPresent(),
                "chromium and chromedriver are not on the PATH (apt-get install chromium chromium-driver); browser test skipped");
        Path job = directory.resolve(SyntheticStore.NAME);
        SyntheticStore.write(job, JOBS, TuningJobStatus.Completed);
        Path page = job.resolve(Reports.DEFAULT_FILE_NAME);
        long writeStart = System.nanoTime();
        Reports.write(job, page, Instant.parse("2026-01-01T03:00:00Z"));
        long writeMillis = (System.nanoTime() - writeStart) / 1_000_000;

        try (HeadlessChromium browser = new HeadlessChromium(binaries.get()[0], binaries.get()[1], 1400, 2600)) {
            browser.open(page.toUri());
            assertEquals(Optional.empty(), browser.alertText(), "the page raised an alert");
            JsonNode rendered = browser.executeAsync("""
                    var done = arguments[0];
                    function check() {
                      if (document.body.getAttribute('data-charts-rendered')) { done(document.body.getAttribute('data-charts-rendered') + ' ' + Math.round(performance.now())); }
                      else { requestAnimationFrame(check); }
                    }
                    check();""", Duration.ofSeconds(60));
            int charts = Integer.parseInt(rendered.asText().split(" ")[0]);
            // figures for docs/dashboard.md, not assertions: timing depends on the machine
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "report-2000-jobs.txt"), "training jobs: " + JOBS + "\nwrite report (ms): " + writeMillis
                    + "\npage bytes: " + Files.size(page) + "\nbrowser: navigation start to every chart drawn (ms): "
                    + rendered.asText().split(" ")[1] + "\n");
            // objective, parallel coordinates, one per hyperparameter (4), curves, importance
            assertEquals(8, charts);
            JsonNode canvases = browser.execute("""
                    var drawn = 0, all = document.querySelectorAll('canvas');
                    all.forEach(function (c) {
                      var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                      for (var i = 3; i < d.length; i += 4 * 97) { if (d[i] !== 0) { drawn++; return; } }
                    });
                    return [all.length, drawn];""");
            assertEquals(charts, canvases.get(0).asInt(), "one canvas per chart");
            assertEquals(charts, canvases.get(1).asInt(), "every canvas has something drawn on it");

            assertEquals(JOBS, browser.execute("return document.querySelectorAll('#jobs-body tr').length").asInt());
            assertEquals(String.valueOf(JOBS), browser.execute("return document.body.getAttribute('data-table-rows')").asText());

            JsonNode hostile = browser.execute("""
                    var headers = Array.prototype.map.call(document.querySelectorAll('#jobs-head th'), function (th) { return th.textContent; });
                    return [document.querySelectorAll('img').length, document.querySelectorAll('script').length,
                            headers.indexOf(arguments.length >= 0 ? '<img src=x onerror=alert(1)>' : ''),
                            document.body.textContent.indexOf("<script>alert('reason')</script>") >= 0];""");
            assertEquals(0, hostile.get(0).asInt(), "no img element was created from a hyperparameter's name");
            assertEquals(3, hostile.get(1).asInt(), "no script element beyond the page's own three");
            assertTrue(hostile.get(2).asInt() >= 0, "the hostile name is a column header, as text");
            assertTrue(hostile.get(3).asBoolean(), "a failure reason with markup shows as text");

            // a tooltip names the hostile hyperparameter as text too (ECharts tooltips are HTML; the page builds them as DOM)
            JsonNode tooltip = browser.execute("""
                    var chart = echarts.getInstanceByDom(document.getElementById('chart-objective'));
                    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 });
                    var box = document.querySelector('#chart-objective > div:last-child');
                    return [box ? box.textContent : '', document.querySelectorAll('img').length];""");
            assertTrue(tooltip.get(0).asText().contains(SyntheticStore.HOSTILE + ": "), "tooltip: " + tooltip.get(0).asText());
            assertEquals(0, tooltip.get(1).asInt());

            // sorting by the objective puts the best training job first, and again the other way
            JsonNode sorted = browser.execute("""
                    var th = document.querySelectorAll('#jobs-head th')[3];
                    th.click(); th.click();
                    var first = document.querySelector('#jobs-body tr').getAttribute('data-job');
                    th.click();
                    var firstAscending = document.querySelector('#jobs-body tr td:nth-child(4)').textContent;
                    return [first, th.getAttribute('aria-sort'), firstAscending];""");
            String best = JobSnapshot.read(job, Instant.now()).tuningJob().bestTrainingJob().name();
            assertEquals(best, sorted.get(0).asText(), "descending by objective starts with the best training job");
            assertEquals("ascending", sorted.get(1).asText());
            assertTrue(!sorted.get(2).asText().isEmpty(), "ascending still puts jobs without an objective last");

            // filtering by status keeps the table in step with the counters
            JsonNode failed = browser.execute("""
                    var s = document.getElementById('status-filter'); s.value = 'Failed'; s.dispatchEvent(new Event('change'));
                    return document.querySelectorAll('#jobs-body tr').length;""");
            long expectedFailed = java.util.stream.IntStream.range(0, JOBS).filter(i -> i % 17 == 5).count();
            assertEquals(expectedFailed, failed.asLong());
            assertEquals(Optional.empty(), browser.alertText(), "the page raised an alert");

            byte[] png = browser.screenshot();
            Path screenshot = Path.of("target", "report-2000-jobs.png");
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, png);
            assertTrue(png.length > 10_000, "a screenshot with content");
        }
    }

    /** Jobs that printed the objective once are points on the learning-curve chart; a running job's values so far are a curve. */
    @Test
    void singleValuesShowAsPointsAndARunningJobsCurveAppears() throws Exception {
        Optional<Path[]> binaries = HeadlessChromium.binaries();
        Assumptions.assumeTrue(binaries.isPresent(), "chromium and chromedriver are not on the PATH; browser test skipped");
        Path job = directory.resolve(SyntheticStore.NAME);
        DirectoryStore store = SyntheticStore.write(job, 8, TuningJobStatus.InProgress);
        TrainingJob running = null;
        for (TrainingJob trainingJob : store.trainingJobs()) {
            if (trainingJob.wasEarlyStopped()) {
                store.save(trainingJob.withSeriesSoFar(Map.of())); // no triangle marker: the colour counted is the points'
            } else if (trainingJob.hasObjective()) {
                store.save(trainingJob.withSeriesSoFar(Map.of("validation:auc", List.of(trainingJob.finalObjective()))));
            } else if (trainingJob.status() == TrainingJobStatus.InProgress) {
                running = trainingJob;
            }
        }
        // a long name with markup: cut on its parallel axis, whole (and text) in the axis name's tooltip
        TuningJob tuningJob = store.tuningJob().orElseThrow();
        ((ObjectNode) tuningJob.request().path("HyperParameterTuningJobConfig").path("ParameterRanges")
                .path("IntegerParameterRanges").get(0)).put("Name", LONG_NAME);
        store.save(tuningJob);
        Path page = job.resolve(Reports.DEFAULT_FILE_NAME);
        Reports.writeWhileTuning(job, page, Instant.parse("2026-01-01T00:01:00Z"));
        String colouredPixels = """
                var done = arguments[0];
                function check() {
                  if (!document.body.getAttribute('data-charts-rendered')) { requestAnimationFrame(check); return; }
                  var c = document.querySelector('#chart-curves canvas'), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  var coloured = 0; // the axes and their text are grey; series are drawn in colour
                  for (var i = 0; i < d.length; i += 4) {
                    var hi = Math.max(d[i], d[i + 1], d[i + 2]), lo = Math.min(d[i], d[i + 1], d[i + 2]);
                    if (d[i + 3] > 0 && hi - lo > 60) coloured++;
                  }
                  var option = echarts.getInstanceByDom(document.getElementById('chart-curves')).getOption();
                  done([coloured, option.series.map(function (x) { return x.name; })]);
                }
                check();""";
        try (HeadlessChromium browser = new HeadlessChromium(binaries.get()[0], binaries.get()[1], 1200, 2400)) {
            browser.open(page.toUri());
            JsonNode single = browser.executeAsync(colouredPixels, Duration.ofSeconds(60));
            assertTrue(single.get(0).asInt() > 20, "single values drew nothing: " + single);
            assertFalse(single.get(1).toString().contains(running.name()), "the running job has no values yet");
            JsonNode axisName = browser.execute("""
                    var name = document.getElementById('report-data') && JSON.parse(document.getElementById('report-data').textContent).ranges[2].name;
                    var chart = echarts.getInstanceByDom(document.getElementById('chart-parallel'));
                    var text = null;
                    chart.getZr().storage.getRoots().forEach(function (root) {
                      if (root.traverse) root.traverse(function (e) { if (e.__fullText === name) text = e; });
                    });
                    if (!text) return ['no axis name drawn', '', 0];
                    var box = text.getBoundingRect().clone(); box.applyTransform(text.getComputedTransform());
                    chart.getZr().handler.dispatch('mousemove', { zrX: box.x + box.width / 2, zrY: box.y + box.height / 2 });
                    var tip = document.querySelector('#chart-parallel > div:last-child');
                    return [text.getBoundingRect().width, tip ? tip.textContent : '', document.querySelectorAll('img, b').length,
                            parseFloat(echarts.getInstanceByDom(document.getElementById('chart-parallel')).getOption().parallelAxis[2].nameTruncate.maxWidth)];""");
            assertTrue(axisName.get(0).asDouble() <= axisName.get(3).asDouble() + 1, "the long name is cut to its room: " + axisName);
            assertEquals(LONG_NAME, axisName.get(1).asText(), "the tooltip names it in full, as text");
            assertEquals(0, axisName.get(2).asInt(), "no element was made from the name");
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "report-single-values.png"), browser.screenshot());

            store.save(running.withSeriesSoFar(Map.of("validation:auc", List.of(0.5, 0.6, 0.7))));
            Reports.writeWhileTuning(job, page, Instant.parse("2026-01-01T00:01:05Z"));
            browser.open(page.toUri());
            JsonNode grown = browser.executeAsync(colouredPixels, Duration.ofSeconds(60));
            assertTrue(grown.get(1).toString().contains(running.name()), "the running job's curve is drawn: " + grown);
            assertEquals(Optional.empty(), browser.alertText());
        }
    }
}
