import { App } from 'cdk8s';
import { buildApp } from './charts';

const app = new App();
buildApp(app);
app.synth();
