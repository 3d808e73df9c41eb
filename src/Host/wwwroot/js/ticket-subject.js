// Shows the «راهنما» of the subject chosen in «ثبت تیکت»; without scripts the form page shows it too.
(function () {
  var select = document.getElementById('subject');
  if (!select) return;
  var show = function () {
    document.querySelectorAll('.subject-guide').forEach(function (guide) {
      guide.hidden = guide.getAttribute('data-subject') !== select.value;
    });
  };
  select.addEventListener('change', show);
  select.form.addEventListener('reset', function () { setTimeout(show, 0); });
})();
