// An upload's progress: while the import runs, ask the server every second how far it is and show it;
// once it has finished, load the page again to show the outcome and the refused lines.
(function () {
    var section = document.getElementById('upload-progress');
    var url = section && section.getAttribute('data-progress-url');
    if (!url) {
        return;
    }

    var bar = document.getElementById('progress-bar');
    var state = document.getElementById('progress-state');
    var counts = document.getElementById('progress-counts');

    function poll() {
        fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(response.status);
                }
                return response.json();
            })
            .then(function (progress) {
                bar.value = progress.percent;
                bar.textContent = progress.percentText;
                state.textContent = progress.stateText;
                counts.textContent = progress.countsText;
                if (progress.finished) {
                    window.location.reload();
                } else {
                    window.setTimeout(poll, 1000);
                }
            })
            .catch(function () {
                window.setTimeout(poll, 3000);
            });
    }

    window.setTimeout(poll, 500);
})();
