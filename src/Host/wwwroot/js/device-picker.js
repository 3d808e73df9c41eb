// «IMEI ثبت شده در همتا»: choosing one of my devices fills its registered IMEIs.
(function () {
  var picker = document.getElementById('device-picker');
  if (!picker) return;
  picker.addEventListener('change', function () {
    var imeis = picker.value.split(' ');
    picker.getAttribute('data-fills').split(' ').forEach(function (id, i) {
      document.getElementById(id).value = imeis[i] || '';
    });
  });
})();
