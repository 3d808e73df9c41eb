// Says at once, beside the file field, when too many or too large files are chosen, before they are uploaded.
// The server checks the same limits and the files' contents whatever this script says.
document.querySelectorAll('input[type=file][data-max-files]').forEach(input => {
    const error = document.getElementById(input.id + '-error');
    const problem = () => {
        if (input.files.length > Number(input.dataset.maxFiles)) {
            return input.dataset.tooMany;
        }
        const large = Array.from(input.files).find(file => file.size > Number(input.dataset.maxBytes));
        return large ? input.dataset.tooLarge.replace('{0}', large.name) : null;
    };
    const show = () => {
        const text = problem();
        input.classList.toggle('is-invalid', text !== null);
        input.setAttribute('aria-invalid', text !== null ? 'true' : 'false');
        error.textContent = text ?? '';
        return text === null;
    };
    input.addEventListener('change', show);
    input.form.addEventListener('submit', event => {
        if (!show()) {
            event.preventDefault();
            input.focus();
        }
    });
});
