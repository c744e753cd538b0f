// The new-names queue: the "All" box ticks or clears every name in the form.
document.addEventListener('change', (event) => {
  const all = event.target.closest('[data-select-all]');
  if (!all) {
    return;
  }
  all.form.querySelectorAll('input[type=checkbox][name="' + all.dataset.selectAll + '"]')
    .forEach((box) => { box.checked = all.checked; });
});
