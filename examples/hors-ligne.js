// The switch of examples/hors-ligne.html: turns the local portal emulator off and on
// (tools/portal/outage.mjs), to see the widgets of the page survive a reload without it.
const status = document.getElementById('portal-status');
const buttons = document.querySelectorAll('[data-portal]');

async function setPortal(down) {
  const init = down === undefined ? {} : {method: 'POST', body: JSON.stringify({down})};
  const response = await fetch('/portal/__outage', init);
  const state = await response.json();
  status.textContent = state.down ? 'Le portail est coupé.' : 'Le portail répond.';
  for (const button of buttons)
    button.setAttribute('aria-pressed', String(button.dataset.portal === (state.down ? 'down' : 'up')));
}

for (const button of buttons) {
  button.addEventListener('click', () => void setPortal(button.dataset.portal === 'down'));
}
void setPortal();
