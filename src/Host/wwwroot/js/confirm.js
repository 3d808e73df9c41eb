// A form with data-confirm asks the person before it is sent (closing a ticket, say).
document.addEventListener('submit', function (event) {
    var question = event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
});
