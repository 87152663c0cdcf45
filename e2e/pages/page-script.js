// The host page's own script: it must keep working whatever happens to the widget's.
document.getElementById('page-button').addEventListener('click', () => {
  const count = document.getElementById('page-count');
  count.textContent = String(Number(count.textContent) + 1);
});
