import { App } from 'cdk8s';
import { PythonJobChart } from './chart';

const app = new App();
new PythonJobChart(app, 'python-job');
app.synth();
