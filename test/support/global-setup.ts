// Runs once in Node before all test projects. Generated model packages are added here (see issue 2).
export default async function setup(): Promise<void> {}
