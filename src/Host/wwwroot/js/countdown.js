// An element marked data-countdown="seconds" counts down in Persian digits in its data-countdown-text child, keeps the
// button named by data-countdown-button disabled meanwhile, and disappears when the time is up.
document.querySelectorAll('[data-countdown]').forEach(function (wait) {
  var left = parseInt(wait.getAttribute('data-countdown'), 10);
  var text = wait.querySelector('[data-countdown-text]');
  var button = document.getElementById(wait.getAttribute('data-countdown-button'));
  var persian = function (n) { return String(n).replace(/[0-9]/g, function (d) { return '۰۱۲۳۴۵۶۷۸۹'[d]; }); };
  var tick = function () {
    if (left <= 0) {
      wait.hidden = true;
      if (button) { button.disabled = false; }
      return;
    }
    if (button) { button.disabled = true; }
    text.textContent = text.getAttribute('data-countdown-text').replace('{0}', persian(left));
    left -= 1;
    window.setTimeout(tick, 1000);
  };
  tick();
});
