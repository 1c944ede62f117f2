/* The best objective across builds, from <job>/hpo-trend/data; names are encoded before ECharts renders them. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".hpo-trend").forEach(function (node) {
      fetch(node.getAttribute("data-url"), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (typeof echarts === "undefined") {
            return;
          }
          var encode = echarts.format.encodeHTML;
          var builds = data.builds || [];
          var chart = echarts.init(node);
          chart.setOption({
            tooltip: {
              trigger: "axis",
              formatter: function (items) {
                var item = items[0];
                var build = builds[item.dataIndex] || {};
                return encode(String(build.name)) + "<br/>" + encode(String(data.objective)) + ": " +
                  encode(String(build.bestObjective)) + "<br/>gate " + encode(String(build.gate));
              }
            },
            xAxis: { type: "category", data: builds.map(function (b) { return "#" + b.number; }) },
            yAxis: { type: "value", scale: true, name: String(data.objective) },
            series: [{ type: "line", data: builds.map(function (b) { return b.bestObjective; }), connectNulls: false }]
          });
          chart.on("click", function (params) {
            var build = builds[params.dataIndex];
            if (build) {
              window.location.href = node.getAttribute("data-build-url") + encodeURIComponent(String(build.number)) + "/hpo/";
            }
          });
        });
    });
  });
})();
