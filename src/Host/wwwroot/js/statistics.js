// Draws each canvas marked data-chart with Chart.js (served by the portal): right to left, in Vazirmatn, the days
// as the server wrote them (Jalali) and the figures in Persian digits. The same figures are in the table under each chart.
(function () {
  if (typeof Chart === 'undefined') {
    return;
  }

  var palette = ['#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#dc3545', '#20c997', '#6c757d', '#ffc107'];
  Chart.defaults.font.family = 'Vazirmatn, system-ui, sans-serif';
  Chart.defaults.animation = false;

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var line = data.type === 'line';
    new Chart(canvas, {
      type: data.type,
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series, i) {
          var colour = palette[i % palette.length];
          return { label: series.name, data: series.values, backgroundColor: colour, borderColor: colour, fill: false, tension: 0.2, pointRadius: line ? 2 : 0 };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        locale: 'fa-IR',
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { position: 'bottom', rtl: true, textDirection: 'rtl' },
          tooltip: { rtl: true, textDirection: 'rtl' }
        },
        scales: {
          x: { reverse: true, stacked: data.stacked, ticks: { autoSkip: true, maxRotation: 60 } },
          y: { position: 'right', stacked: data.stacked, beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
  });
})();
