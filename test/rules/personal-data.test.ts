import { ruleTester } from './rule-tester.ts';

ruleTester('personal-data', {
  valid: [
    { text: 'Vragen? Mail naar info@griftland.nl of bel de school.' },
    { text: 'Ik ben vandaag 40 geworden! 🎂' },
    { text: 'Luizenpluizen in groep 3: ouders, check even alle hoofdjes.' },
    { text: 'Alle 62 examenkandidaten geslaagd! Op persoonlijke titel.' },
  ],
  invalid: [
    { text: 'Bel conciërge Henk even op 06-12345678 als je de sleutel hebt.', errors: [{ messageId: 'found', severity: 'warning', data: { kinds: [{ key: 'dataPhone' }] } }] },
    { text: 'Mail de moeder van Sem: j.jansen@gmail.com', errors: [{ messageId: 'found' }] },
    { text: 'Hiep hiep hoera, Noor uit groep 3 is vandaag 7 geworden!', errors: [{ messageId: 'found' }] },
    { text: 'Collega Jeroen heeft een burn-out en komt voorlopig niet terug.', errors: [{ messageId: 'found', data: { kinds: [{ key: 'dataHealth' }] } }] },
    { text: 'Trots op onze Sem, een 8,5 voor wiskunde op Griftland!', role: 'parent', errors: [{ messageId: 'found' }] },
    { text: 'Wie brengt de fiets terug naar Ravi uit klas 4? Hij woont op de Dorpsstraat 12.', errors: [{ messageId: 'found' }] },
  ],
});
