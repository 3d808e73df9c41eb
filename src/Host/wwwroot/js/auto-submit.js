// A select marked data-auto-submit sends its form when changed; without scripts the form's own button does.
document.querySelectorAll('select[data-auto-submit]').forEach(function (select) {
  select.addEventListener('change', function () { select.form.submit(); });
});
