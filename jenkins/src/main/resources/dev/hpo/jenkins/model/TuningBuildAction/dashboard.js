/*
 * The tuning dashboard, drawn from <build>/hpo/data. Every value from the build (hyperparameter names
 * and values, metric names, failure reasons) is user-controlled: it only ever reaches the page through
 * textContent or through ECharts with its HTML-rendering parts encoded (echarts.format.encodeHTML).
 */
(function () {
  "use strict";

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function part(root, role) {
    return root.querySelector('[data-role="' + role + '"]');
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function number(value) {
    return typeof value === "number" ? value.toPrecision(6) : "";
  }

  // the engine stops the clock at the job's end, or at its last change when no tuner runs it any more
  function elapsed(seconds) {
    if (typeof seconds !== "number") {
      return "";
    }
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    return ", " + (h > 0 ? h + " h " + m + " min" : m > 0 ? m + " min " + s + " s" : s + " s") + " elapsed";
  }

  function render(root, data) {
    var job = data.tuningJob || {};
    var objective = (job.HyperParameterTuningJobConfig || {}).HyperParameterTuningJobObjective || {};
    var counters = job.TrainingJobStatusCounters || {};
    var status = part(root, "status");
    status.textContent = "Status " + (job.HyperParameterTuningJobStatus || "unknown") + ": " +
      (counters.Completed || 0) + " completed, " + (counters.InProgress || 0) + " running, " +
      ((counters.NonRetryableError || 0) + (counters.RetryableError || 0)) + " failed, " +
      (counters.Stopped || 0) + " stopped" + elapsed((job.ConsumedResources || {}).RuntimeInSeconds) +
      (job.CompletionReason ? " (" + job.CompletionReason + ")" : "") +
      (job.Interrupted ? " (interrupted: the step ended before the tuner recorded the end)" : "") +
      (job.FailureReason ? ". Failure: " + job.FailureReason : "");

    var best = part(root, "best");
    clear(best);
    if (job.BestTrainingJob) {
      var b = job.BestTrainingJob;
      best.appendChild(el("p", "Best training job " + b.TrainingJobName + ": " + (objective.MetricName || "objective") + " = " +
        number((b.FinalHyperParameterTuningJobObjectiveMetric || {}).Value)));
      var list = el("ul");
      Object.keys(b.TunedHyperParameters || {}).forEach(function (name) {
        list.appendChild(el("li", name + " = " + b.TunedHyperParameters[name]));
      });
      best.appendChild(list);
    }

    var gate = part(root, "gate");
    clear(gate);
    if (data.gate) {
      gate.appendChild(el("p", "Quality gate: " + data.gate.result, "hpo-gate-" + String(data.gate.result).replace(/[^A-Z]/g, "")));
      (data.gate.reasons || []).forEach(function (reason) {
        gate.appendChild(el("div", reason));
      });
    }

    renderChart(part(root, "objective-chart"), data.trainingJobs || [], objective);
    renderTable(root, data.trainingJobs || [], objective);
    part(root, "left-out").textContent = data.trainingJobsLeftOut > 0
      ? data.trainingJobsLeftOut + " more training jobs are in the REST API and the job directory." : "";
  }

  function renderChart(node, rows, objective) {
    if (typeof echarts === "undefined") {
      return;
    }
    var maximize = objective.Type !== "Minimize";
    var points = [];
    var bestLine = [];
    var best = null;
    rows.forEach(function (row) {
      var metric = row.FinalHyperParameterTuningJobObjectiveMetric;
      if (metric && typeof metric.Value === "number") {
        points.push([row.Index + 1, metric.Value, row.TrainingJobName]);
        if (best === null || (maximize ? metric.Value > best : metric.Value < best)) {
          best = metric.Value;
        }
      }
      if (best !== null) {
        bestLine.push([row.Index + 1, best]);
      }
    });
    var chart = echarts.getInstanceByDom(node) || echarts.init(node);
    var encode = echarts.format.encodeHTML;
    chart.setOption({
      tooltip: {
        trigger: "item",
        formatter: function (p) {
          return encode(String(p.data[2] || "best so far")) + "<br/>" + encode(String(p.data[1]));
        }
      },
      xAxis: { type: "value", name: "training job", minInterval: 1 },
      yAxis: { type: "value", name: String(objective.MetricName || "objective"), scale: true },
      series: [
        { type: "scatter", name: "objective", data: points },
        { type: "line", name: "best so far", step: "end", showSymbol: false, data: bestLine }
      ]
    });
  }

  function renderTable(root, rows, objective) {
    var names = [];
    rows.forEach(function (row) {
      Object.keys(row.TunedHyperParameters || {}).forEach(function (name) {
        if (names.indexOf(name) < 0) {
          names.push(name);
        }
      });
    });
    var head = part(root, "table-head");
    clear(head);
    ["#", "training job", "status", objective.MetricName || "objective"].concat(names).concat(["seconds", "failure reason"])
      .forEach(function (title) {
        head.appendChild(el("th", title));
      });
    var filter = part(root, "status-filter").value;
    var body = part(root, "table-body");
    clear(body);
    rows.forEach(function (row) {
      if (filter && row.TrainingJobStatus !== filter) {
        return;
      }
      var tr = el("tr");
      tr.appendChild(el("td", row.Index + 1));
      tr.appendChild(el("td", row.TrainingJobName));
      tr.appendChild(el("td", row.TrainingJobStatus));
      tr.appendChild(el("td", number((row.FinalHyperParameterTuningJobObjectiveMetric || {}).Value)));
      names.forEach(function (name) {
        tr.appendChild(el("td", (row.TunedHyperParameters || {})[name]));
      });
      tr.appendChild(el("td", typeof row.DurationSeconds === "number" ? row.DurationSeconds.toFixed(1) : ""));
      tr.appendChild(el("td", row.FailureReason || ""));
      body.appendChild(tr);
    });
  }

  function load(root) {
    fetch(root.getAttribute("data-url"), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        root.hpoData = data;
        render(root, data);
        var status = (data.tuningJob || {}).HyperParameterTuningJobStatus;
        if ((status === "InProgress" || status === "Stopping") && !(data.tuningJob || {}).Interrupted) {
          window.setTimeout(function () { load(root); }, 5000);
        }
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("hpo-dashboard");
    if (!root) {
      return;
    }
    part(root, "status-filter").addEventListener("change", function () {
      if (root.hpoData) {
        renderTable(root, root.hpoData.trainingJobs || [],
          ((root.hpoData.tuningJob || {}).HyperParameterTuningJobConfig || {}).HyperParameterTuningJobObjective || {});
      }
    });
    load(root);
  });
})();
